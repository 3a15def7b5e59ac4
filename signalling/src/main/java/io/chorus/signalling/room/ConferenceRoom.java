package io.chorus.signalling.room;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.chorus.mixer.publish.VideoDemand;
import io.chorus.mixer.room.MixerEvents;
import io.chorus.mixer.room.RoomMixer;
import io.chorus.mixer.room.RoomMixerStats;
import io.chorus.mixer.video.Layout;
import io.chorus.signalling.protocol.ErrorCode;
import io.chorus.signalling.protocol.ProtocolException;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.signalling.protocol.ServerMessages.BroadcastInfo;
import io.chorus.signalling.protocol.ServerMessages.ParticipantInfo;
import io.chorus.signalling.protocol.ServerMessages.RecordingInfo;
import io.chorus.signalling.protocol.ServerMessages.RoomWelcome;

/**
 * A conference room: its members, its mixer, and the events its members hear about each other.
 * Membership changes happen under the room's lock so every member sees joins and leaves in one
 * order; sending is asynchronous (Netty), so the lock is never held across I/O.
 */
public final class ConferenceRoom {
    private static final Logger LOG = LoggerFactory.getLogger(ConferenceRoom.class);

    private final RoomSpec spec;
    private final boolean createdByApi;
    private final RoomServices services;
    private final RoomSettings settings;
    private final List<VideoTier> tiers;
    private final RoomMixer mixer;
    private final RoomRecorders recorders;
    private final Consumer<ConferenceRoom> onClosed;
    private final Instant createdAt = Instant.now();
    private final AtomicLong nextParticipant = new AtomicLong(1);
    private final Map<String, ConferenceParticipant> members = new LinkedHashMap<>();
    /** The members as of the last change, for readers that must not take the lock (tick threads). */
    private volatile List<ConferenceParticipant> published = List.of();
    private volatile String layoutName;
    private volatile String activeSpeaker;
    private ScheduledFuture<?> emptyTimer;
    private boolean closed;
    private boolean autoRecordStarted;

    ConferenceRoom(RoomSpec spec, boolean createdByApi, RoomSettings settings, RoomServices services,
            Consumer<ConferenceRoom> onClosed) {
        this.spec = spec;
        this.createdByApi = createdByApi;
        this.settings = settings;
        this.services = services;
        this.onClosed = onClosed;
        this.tiers = tiersWithin(settings.tiers(), spec.width(), spec.height());
        this.layoutName = spec.layoutName();
        this.mixer = new RoomMixer(spec.id(), settings.mixerConfig(spec.width(), spec.height(), spec.fps(),
                spec.layout()), services.decodePool(), new Events());
        VideoTier top = tiers.get(0);
        this.recorders = new RoomRecorders(spec.id(), mixer, settings.recordingDirectory(),
                top.width() == spec.width() && top.height() == spec.height() ? top.bitrateBps() : 0,
                recording -> broadcast(services.messages().recording(recording), null),
                broadcast -> broadcast(services.messages().broadcast(broadcast), null),
                this::requestKeyFrameFrom);
        LOG.info("room {} opened ({}x{} at {} fps, layout {}, tiers {}){}", spec.id(), spec.width(), spec.height(),
                spec.fps(), layoutName, tiers, createdByApi ? " by the API" : " by a join");
    }

    /** Tiers no larger than the canvas (upscaling only costs bits); the canvas itself if none fits. */
    private static List<VideoTier> tiersWithin(List<VideoTier> configured, int width, int height) {
        List<VideoTier> fitting = configured.stream().filter(t -> t.width() <= width && t.height() <= height).toList();
        if (!fitting.isEmpty()) {
            return fitting;
        }
        VideoTier lowest = configured.get(configured.size() - 1);
        return List.of(new VideoTier(lowest.name(), width, height, lowest.bitrateBps()));
    }

    public String id() {
        return spec.id();
    }

    public RoomSpec spec() {
        return spec;
    }

    public boolean createdByApi() {
        return createdByApi;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String layoutName() {
        return layoutName;
    }

    public Layout layout() {
        return mixer.layout();
    }

    public String activeSpeaker() {
        return activeSpeaker;
    }

    public List<VideoTier> tiers() {
        return tiers;
    }

    public RoomMixerStats mixerStats() {
        return mixer.stats();
    }

    RoomMixer mixer() {
        return mixer;
    }

    /** A snapshot of the members, in join order. */
    public List<MemberView> members() {
        List<ConferenceParticipant> current = published;
        List<MemberView> views = new ArrayList<>(current.size());
        for (ConferenceParticipant p : current) {
            views.add(new MemberView(p.id(), p.name(), p.audioMuted(), p.videoMuted(), p.gainDb(), p.tier(),
                    p.session().state().wireName(), p.session().rttMillis(), p.session().bandwidthEstimateBps(),
                    p.downstreamDropped()));
        }
        return views;
    }

    public int size() {
        return published.size();
    }

    /** Adds a member and sends it {@code joined}; the others hear {@code participant-joined}. */
    Participant join(JsonNode requestId, String name, Integer maxBitrate, SignallingChannel channel)
            throws ProtocolException {
        String participantId = "p" + nextParticipant.getAndIncrement();
        ConferenceParticipant participant;
        try {
            // Outside the lock: creating the ICE agent takes milliseconds.
            participant = new ConferenceParticipant(participantId, name, this, channel, services,
                    new TierSelector(tiers, maxBitrate, System.nanoTime() / 1_000_000));
        } catch (IOException e) {
            LOG.error("room {}: cannot create a media transport for {}", id(), participantId, e);
            throw new ProtocolException(ErrorCode.INTERNAL_ERROR, "the server could not create a media transport");
        }
        try {
            admit(requestId, participant);
        } catch (ProtocolException e) {
            participant.close();
            throw e;
        }
        return participant;
    }

    private synchronized void admit(JsonNode requestId, ConferenceParticipant participant) throws ProtocolException {
        if (closed) {
            throw new ProtocolException(ErrorCode.ROOM_CLOSED, "room '" + id() + "' has just closed; join again");
        }
        if (members.size() >= settings.maxParticipants()) {
            throw new ProtocolException(ErrorCode.ROOM_FULL, "room '" + id() + "' is full ("
                    + settings.maxParticipants() + " participants)");
        }
        if (emptyTimer != null) {
            emptyTimer.cancel(false);
            emptyTimer = null;
        }
        members.put(participant.id(), participant);
        published = List.copyOf(members.values());
        List<ParticipantInfo> list = published.stream().map(ConferenceParticipant::info).toList();
        participant.channel().send(services.messages().joined(requestId, new RoomWelcome(id(), participant.id(), list,
                layoutName, activeSpeaker, services.iceServers(), ConferenceParticipant.tierInfo(participant.tier()),
                recorders.recordings(), recorders.broadcasts())));
        broadcast(services.messages().participantJoined(participant.info()), participant.id());
        services.metrics().joined();
        LOG.info("room {}: {} ('{}') joined; {} member(s)", id(), participant.id(), participant.name(), members.size());
        if (settings.autoRecord() != null && !autoRecordStarted) {
            autoRecordStarted = true;
            services.timers().execute(this::startAutoRecording);
        }
    }

    /** Off the joining thread: opening the file and its encoders takes a moment. */
    private void startAutoRecording() {
        try {
            startRecording(settings.autoRecord(), settings.autoRecordParticipants());
        } catch (ProtocolException e) {
            LOG.error("room {}: automatic {} recording could not start: {}", id(), settings.autoRecord(),
                    e.getMessage());
        }
    }

    /**
     * Starts recording the room's composite and full mix, and with {@code participants} each
     * member's own media too; members hear a {@code recording} event.
     */
    public RecordingInfo startRecording(String format, boolean participants) throws ProtocolException {
        Map<String, VideoCodec> flowing = new LinkedHashMap<>();
        for (ConferenceParticipant p : published) {
            if (p.mediaFlowing()) {
                flowing.put(p.id(), p.videoCodec());
            }
        }
        return recorders.startRecording(RoomRecorders.format(format), participants, flowing);
    }

    /** Finishes a recording's files; members hear a {@code recording} event. */
    public RoomRecorders.StoppedRecording stopRecording(String recordingId) throws ProtocolException {
        return recorders.stopRecording(recordingId);
    }

    /** A member's media started flowing into the mixer. */
    void mediaStarted(ConferenceParticipant participant) {
        recorders.participantStarted(participant.id(), participant.videoCodec());
    }

    /** One frame a member sent (receive thread). */
    void memberFrame(String participantId, boolean video, EncodedFrame frame, long nowNanos) {
        recorders.participantFrame(participantId, video, frame, nowNanos);
    }

    private void requestKeyFrameFrom(String participantId) {
        for (ConferenceParticipant p : published) {
            if (p.id().equals(participantId)) {
                p.requestKeyFrameFromBrowser();
            }
        }
    }

    /** Starts pushing the room to an RTMP(S) URL; members hear each {@code broadcast} state. */
    public BroadcastInfo startBroadcast(String url) throws ProtocolException {
        return recorders.startBroadcast(url);
    }

    public BroadcastInfo stopBroadcast(String broadcastId) throws ProtocolException {
        return recorders.stopBroadcast(broadcastId);
    }

    public List<RecordingInfo> recordings() {
        return recorders.recordings();
    }

    public List<BroadcastInfo> broadcasts() {
        return recorders.broadcasts();
    }

    /** Called by a member's close: out of the mixer, the others hear {@code participant-left}. */
    void leave(ConferenceParticipant participant) {
        synchronized (this) {
            if (members.remove(participant.id()) == null) {
                return;
            }
            published = List.copyOf(members.values());
            mixer.unsubscribe(participant.id());
            mixer.removeParticipant(participant.id());
            recorders.participantLeft(participant.id());
            broadcast(services.messages().participantLeft(participant.id()), null);
            services.metrics().left();
            LOG.info("room {}: {} left; {} member(s)", id(), participant.id(), members.size());
            if (members.isEmpty() && !createdByApi && !closed) {
                long graceMs = settings.emptyRoomGrace().toMillis();
                emptyTimer = services.timers().schedule(this::closeIfStillEmpty, graceMs, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void closeIfStillEmpty() {
        List<ConferenceParticipant> last;
        synchronized (this) {
            // Decided under the lock, so a join arriving now either came first or opens a new room.
            last = members.isEmpty() ? markClosed() : null;
        }
        if (last != null) {
            LOG.info("room {}: empty for {} s; closing", id(), settings.emptyRoomGrace().toSeconds());
            finishClose(last, "empty");
        }
    }

    void participantUpdated(ConferenceParticipant participant) {
        broadcast(services.messages().participantUpdated(participant.info()), null);
    }

    /** Switches the layout from the next video frame and tells every member. */
    public void setLayout(String name, Layout layout) {
        mixer.setLayout(layout);
        layoutName = name;
        broadcast(services.messages().layout(name), null);
        LOG.info("room {}: layout {}", id(), name);
    }

    /** Moderator controls of one member; null leaves a setting as it is. */
    public MemberView updateMember(String participantId, Double gainDb, Boolean audioMuted, Boolean videoMuted)
            throws ProtocolException {
        ConferenceParticipant p = published.stream().filter(m -> m.id().equals(participantId)).findFirst()
                .orElse(null);
        if (p == null) {
            throw new ProtocolException(ErrorCode.PARTICIPANT_NOT_FOUND,
                    "room '" + id() + "' has no participant '" + participantId + "'");
        }
        if (gainDb != null) {
            try {
                p.setGainDb(gainDb);
            } catch (IllegalArgumentException e) {
                throw new ProtocolException(ErrorCode.INVALID_FIELD, e.getMessage());
            }
        }
        p.setMuted(audioMuted, videoMuted);
        return members().stream().filter(m -> m.id().equals(participantId)).findFirst()
                .orElseThrow(() -> new ProtocolException(ErrorCode.PARTICIPANT_NOT_FOUND,
                        "participant '" + participantId + "' left meanwhile"));
    }

    /**
     * Ends the room: every member hears {@code room-closed} and is disconnected, then the mixer
     * frees its codecs and threads. Idempotent.
     */
    public void close(String reason) {
        List<ConferenceParticipant> last;
        synchronized (this) {
            last = markClosed();
        }
        if (last != null) {
            finishClose(last, reason);
        }
    }

    /** The members to disconnect, or null when the room was already closed. Caller holds the lock. */
    private List<ConferenceParticipant> markClosed() {
        if (closed) {
            return null;
        }
        closed = true;
        if (emptyTimer != null) {
            emptyTimer.cancel(false);
        }
        return new ArrayList<>(members.values());
    }

    private void finishClose(List<ConferenceParticipant> last, String reason) {
        for (ConferenceParticipant p : last) {
            p.channel().send(services.messages().roomClosed(reason));
            p.close();
            p.channel().close();
        }
        recorders.stopAll();
        mixer.close();
        onClosed.accept(this);
        LOG.info("room {} closed ({})", id(), reason);
    }

    public synchronized boolean closed() {
        return closed;
    }

    /** Lock-free, so the mixer's tick threads can call it. */
    private void broadcast(String json, String exceptId) {
        for (ConferenceParticipant p : published) {
            if (!p.id().equals(exceptId)) {
                p.channel().send(json);
            }
        }
    }

    /** The mixer's events, on its tick threads: only hand-offs here. */
    private final class Events implements MixerEvents {
        @Override
        public void onActiveSpeaker(String participantId) {
            activeSpeaker = participantId;
            broadcast(services.messages().activeSpeaker(participantId), null);
        }

        @Override
        public void onVideoDemand(String participantId, VideoDemand demand) {
            for (ConferenceParticipant p : published) {
                if (p.id().equals(participantId)) {
                    p.constrainVideo(PublishConstraints.of(demand));
                }
            }
        }

        @Override
        public void onKeyFrameNeeded(String participantId) {
            for (ConferenceParticipant p : published) {
                if (p.id().equals(participantId)) {
                    p.requestKeyFrameFromBrowser();
                }
            }
        }
    }
}
