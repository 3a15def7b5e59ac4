package io.chorus.signalling.conference;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
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

import io.chorus.mixer.publish.VideoDemand;
import io.chorus.mixer.room.MixerEvents;
import io.chorus.mixer.room.RoomMixer;
import io.chorus.mixer.room.RoomMixerStats;
import io.chorus.recorder.file.RecordingFormat;
import io.chorus.mixer.video.Layout;
import io.chorus.signalling.conference.ConferenceException.Refusal;

/**
 * A conference room: its members in join order, its mixer, its recordings and broadcasts, and the
 * {@link RoomEvent}s its members and listeners hear. Membership changes happen under the room's
 * lock so that everybody hears joins and leaves in one order; nothing under the lock blocks
 * ({@link ParticipantSignals} and {@link RoomListener} only queue).
 */
public final class Room {
    private static final Logger LOG = LoggerFactory.getLogger(Room.class);

    private final RoomSpec spec;
    private final boolean createdByApi;
    private final RoomServices services;
    private final ConferenceSettings settings;
    private final List<VideoTier> tiers;
    private final RoomMixer mixer;
    private final RoomRecorders recorders;
    private final RoomListener listener;
    private final Consumer<Room> onClosed;
    private final Instant createdAt = Instant.now();
    private final AtomicLong nextParticipant = new AtomicLong(1);
    private final Map<String, Participant> members = new LinkedHashMap<>();
    private final MemberEvents memberEvents = new MemberEvents();
    /** The members as of the last change, for readers that must not take the lock (tick threads). */
    private volatile List<Participant> published = List.of();
    private volatile String layoutName;
    private volatile String activeSpeaker;
    private ScheduledFuture<?> emptyTimer;
    /** Written under the lock; read without it, so that a lock held through a slow call cannot stall readers. */
    private volatile boolean closed;
    /** The last chat messages, oldest first, at most {@code limits.chatHistory()}; guarded by this. */
    private final ArrayDeque<ChatMessage> chatHistory = new ArrayDeque<>();
    /** Only moderators may join while set. */
    private volatile boolean locked;
    private boolean autoRecordStarted;

    /** @param listener hears every event of this room (the server's room listeners) */
    Room(RoomSpec spec, boolean createdByApi, ConferenceSettings settings, RoomServices services, RoomListener listener,
            Consumer<Room> onClosed) {
        this.spec = spec;
        this.createdByApi = createdByApi;
        this.settings = settings;
        this.services = services;
        this.listener = listener;
        this.onClosed = onClosed;
        this.tiers = tiersWithin(settings.tiers(), spec.width(), spec.height());
        this.layoutName = spec.layoutName();
        this.mixer = new RoomMixer(spec.id(), settings.mixerConfig(spec.width(), spec.height(), spec.fps(),
                spec.layout()), services.decodePool(), new MixerListener());
        VideoTier top = tiers.get(0);
        this.recorders = new RoomRecorders(spec.id(), mixer, settings.recording(), settings.broadcast(),
                settings.limits(),
                top.width() == spec.width() && top.height() == spec.height() ? top.bitrateBps() : 0,
                recording -> emit(new RoomEvent.RecordingChanged(recording)),
                broadcast -> emit(new RoomEvent.BroadcastChanged(broadcast)),
                files -> notifyListener(files));
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

    /** A snapshot of the members, in join order. */
    public List<MemberView> members() {
        return published.stream().map(Participant::view).toList();
    }

    public int size() {
        return published.size();
    }

    /**
     * Admits a participant: it hears its {@link Welcome}, then the others hear
     * {@link RoomEvent.ParticipantJoined}.
     *
     * @param role       what its token allows; a locked room admits only moderators
     * @param maxBitrate the cap on what it receives (its join and its token, the lower); null for none
     */
    public Participant join(String name, Role role, Integer maxBitrate, ParticipantSignals signals)
            throws ConferenceException {
        String participantId = "p" + nextParticipant.getAndIncrement();
        Participant participant;
        try {
            // Outside the lock: creating the ICE agent takes milliseconds.
            participant = new Participant(participantId, name, id() + "/" + participantId, mixer, services,
                    new TierSelector(tiers, maxBitrate, System.nanoTime() / 1_000_000), memberEvents, signals);
        } catch (IOException e) {
            LOG.error("room {}: cannot create a media transport for {}", id(), participantId, e);
            throw new ConferenceException(Refusal.INTERNAL, "the server could not create a media transport");
        }
        try {
            admit(participant, role);
        } catch (ConferenceException e) {
            participant.close();
            throw e;
        }
        return participant;
    }

    private synchronized void admit(Participant participant, Role role) throws ConferenceException {
        if (closed) {
            throw new ConferenceException(Refusal.ROOM_CLOSED, "room '" + id() + "' has just closed; join again");
        }
        if (locked && role != Role.MODERATOR) {
            throw new ConferenceException(Refusal.ROOM_LOCKED, "room '" + id() + "' is locked: only moderators may "
                    + "join until it is unlocked");
        }
        if (members.size() >= settings.limits().maxParticipants()) {
            throw new ConferenceException(Refusal.ROOM_FULL, "room '" + id() + "' is full ("
                    + settings.limits().maxParticipants() + " participants)");
        }
        if (emptyTimer != null) {
            emptyTimer.cancel(false);
            emptyTimer = null;
        }
        members.put(participant.id(), participant);
        published = List.copyOf(members.values());
        participant.signals().onAdmitted(new Welcome(id(), participant.id(),
                published.stream().map(Participant::info).toList(), layoutName, activeSpeaker, participant.tier(),
                recorders.recordings(), recorders.broadcasts(), role, locked, List.copyOf(chatHistory)));
        emit(new RoomEvent.ParticipantJoined(participant.info()), participant.id());
        LOG.info("room {}: {} ('{}') joined; {} member(s)", id(), participant.id(), participant.name(), members.size());
        Duration connectTimeout = settings.limits().connectTimeout();
        services.timers().schedule(() -> participant.leaveIfNotConnected(connectTimeout), connectTimeout.toMillis(),
                TimeUnit.MILLISECONDS);
        if (settings.recording().autoRecord() != null && !autoRecordStarted) {
            autoRecordStarted = true;
            services.timers().execute(this::startAutoRecording);
        }
    }

    /** Off the joining thread: opening the file and its encoders takes a moment. */
    private void startAutoRecording() {
        RecordingSettings recording = settings.recording();
        try {
            startRecording(recording.autoRecord(), recording.autoRecordParticipants());
        } catch (ConferenceException e) {
            LOG.error("room {}: automatic {} recording could not start: {}", id(), recording.autoRecord().extension(),
                    e.getMessage());
        }
    }

    /**
     * Starts recording the room's composite and full mix, and with {@code participants} each
     * member's own media too; everybody hears {@link RoomEvent.RecordingChanged}.
     *
     * @param format {@code webm}, {@code mkv} or {@code mp4}
     */
    public RecordingStatus startRecording(String format, boolean participants) throws ConferenceException {
        return startRecording(RoomRecorders.format(format), participants);
    }

    private RecordingStatus startRecording(RecordingFormat format, boolean participants) throws ConferenceException {
        List<Participant> flowing = published.stream().filter(Participant::mediaFlowing).toList();
        return recorders.startRecording(format, participants, flowing);
    }

    /** Finishes a recording's files; everybody hears {@link RoomEvent.RecordingChanged}. */
    public RoomRecorders.StoppedRecording stopRecording(String recordingId) throws ConferenceException {
        return recorders.stopRecording(recordingId);
    }

    /** Starts pushing the room to an RTMP(S) URL; everybody hears each {@link RoomEvent.BroadcastChanged}. */
    public BroadcastStatus startBroadcast(String url) throws ConferenceException {
        return recorders.startBroadcast(url);
    }

    public BroadcastStatus stopBroadcast(String broadcastId) throws ConferenceException {
        return recorders.stopBroadcast(broadcastId);
    }

    public List<RecordingStatus> recordings() {
        return recorders.recordings();
    }

    public List<BroadcastStatus> broadcasts() {
        return recorders.broadcasts();
    }

    /** Switches the layout from the next video frame; everybody hears {@link RoomEvent.LayoutChanged}. */
    public void setLayout(String name, Layout layout) {
        mixer.setLayout(layout);
        layoutName = name;
        emit(new RoomEvent.LayoutChanged(name));
        LOG.info("room {}: layout {}", id(), name);
    }

    /**
     * Relays a member's chat message to every member, the sender included, and keeps it for those
     * who join later (the last {@code rooms.chatHistory}).
     */
    public synchronized ChatMessage chat(String participantId, String text) throws ConferenceException {
        Participant sender = member(participantId);
        if (sender == null) {
            throw new ConferenceException(Refusal.PARTICIPANT_NOT_FOUND,
                    "room '" + id() + "' has no participant '" + participantId + "'");
        }
        ChatMessage message = new ChatMessage(participantId, sender.name(), text, Instant.now());
        int keep = settings.limits().chatHistory();
        if (keep > 0) {
            if (chatHistory.size() == keep) {
                chatHistory.removeFirst();
            }
            chatHistory.addLast(message);
        }
        emit(new RoomEvent.Chat(message));
        return message;
    }

    /** Locks the room (only moderators may join) or unlocks it; everybody hears {@link RoomEvent.LockChanged}. */
    public synchronized void setLocked(boolean lock) {
        if (locked == lock) {
            return;
        }
        locked = lock;
        emit(new RoomEvent.LockChanged(lock));
        LOG.info("room {}: {}", id(), lock ? "locked: only moderators may join" : "unlocked");
    }

    public boolean locked() {
        return locked;
    }

    /**
     * Removes a member: it hears {@link RoomEvent.Kicked} and is disconnected, the others hear it
     * left with reason {@code kicked}. It may join again unless the room is locked or its token has
     * expired.
     */
    public void kick(String participantId) throws ConferenceException {
        Participant p = member(participantId);
        if (p == null) {
            throw new ConferenceException(Refusal.PARTICIPANT_NOT_FOUND,
                    "room '" + id() + "' has no participant '" + participantId + "'");
        }
        // Closed first, so that the reason is set before the client's socket closes and reports a leave;
        // a member that left meanwhile is not kicked, nor is the next session on its socket.
        if (!p.close(LeaveReason.KICKED)) {
            throw new ConferenceException(Refusal.PARTICIPANT_NOT_FOUND,
                    "participant '" + participantId + "' left room '" + id() + "' before it could be removed");
        }
        tell(p, new RoomEvent.Kicked(participantId));
        LOG.info("room {}: {} ('{}') removed by a moderator", id(), participantId, p.name());
    }

    /** Moderator controls of one member; null leaves a setting as it is. */
    public MemberView updateMember(String participantId, Double gainDb, Boolean audioMuted, Boolean videoMuted)
            throws ConferenceException {
        Participant p = member(participantId);
        if (p == null) {
            throw new ConferenceException(Refusal.PARTICIPANT_NOT_FOUND,
                    "room '" + id() + "' has no participant '" + participantId + "'");
        }
        if (gainDb != null) {
            p.setGainDb(gainDb);
        }
        p.setMuted(audioMuted, videoMuted);
        return p.view();
    }

    /**
     * Ends the room: every member hears {@link RoomEvent.Closed} and is disconnected, then the
     * recordings finish and the mixer frees its codecs and threads. Idempotent.
     */
    public void close(String reason) {
        List<Participant> last;
        synchronized (this) {
            last = markClosed();
        }
        if (last != null) {
            finishClose(last, reason);
        }
    }

    public boolean closed() {
        return closed;
    }

    /** The members to disconnect, or null when the room was already closed. Caller holds the lock. */
    private List<Participant> markClosed() {
        if (closed) {
            return null;
        }
        closed = true;
        if (emptyTimer != null) {
            emptyTimer.cancel(false);
        }
        return new ArrayList<>(members.values());
    }

    private void finishClose(List<Participant> last, String reason) {
        RoomEvent.Closed event = new RoomEvent.Closed(reason);
        for (Participant p : last) {
            p.signals().onRoomEvent(event);
            p.close(LeaveReason.ROOM_CLOSED);
        }
        recorders.stopAll();
        mixer.close();
        notifyListener(event);
        onClosed.accept(this);
        LOG.info("room {} closed ({})", id(), reason);
    }

    private void closeIfStillEmpty() {
        List<Participant> last;
        synchronized (this) {
            // Decided under the lock, so a join arriving now either came first or opens a new room.
            last = members.isEmpty() ? markClosed() : null;
        }
        if (last != null) {
            LOG.info("room {}: empty for {} s; closing", id(), settings.limits().emptyRoomGrace().toSeconds());
            finishClose(last, "empty");
        }
    }

    private Participant member(String participantId) {
        for (Participant p : published) {
            if (p.id().equals(participantId)) {
                return p;
            }
        }
        return null;
    }

    private void emit(RoomEvent event) {
        emit(event, null);
    }

    /** To every member but {@code exceptId}, then to the listeners. Lock-free, so tick threads may call it. */
    private void emit(RoomEvent event, String exceptId) {
        for (Participant p : published) {
            if (!p.id().equals(exceptId)) {
                p.signals().onRoomEvent(event);
            }
        }
        notifyListener(event);
    }

    /** An event about one member: that member and the listeners hear it. */
    private void tell(Participant participant, RoomEvent event) {
        participant.signals().onRoomEvent(event);
        notifyListener(event);
    }

    private void notifyListener(RoomEvent event) {
        listener.onEvent(this, event);
    }

    /** The room's ear for its members, on signalling and transport threads. */
    private final class MemberEvents implements Participant.Listener {
        @Override
        public void onMediaStarted(Participant participant) {
            recorders.participantStarted(participant);
        }

        @Override
        public void onUpdated(Participant participant) {
            emit(new RoomEvent.ParticipantUpdated(participant.info()));
        }

        @Override
        public void onTierChanged(Participant participant, VideoTier tier) {
            tell(participant, new RoomEvent.TierChanged(participant.id(), tier));
        }

        @Override
        public void onClosed(Participant participant) {
            synchronized (Room.this) {
                if (members.remove(participant.id()) == null) {
                    return;
                }
                published = List.copyOf(members.values());
                RoomEvent.ParticipantLeft left = new RoomEvent.ParticipantLeft(participant.id(),
                        participant.leaveReason());
                if (closed) {
                    // The others heard Closed already, and nothing follows that.
                    notifyListener(left);
                } else {
                    emit(left);
                }
                LOG.info("room {}: {} left ({}); {} member(s)", id(), participant.id(), participant.leaveReason().wire(),
                        members.size());
                if (members.isEmpty() && !createdByApi && !closed) {
                    long graceMs = settings.limits().emptyRoomGrace().toMillis();
                    emptyTimer = services.timers().schedule(Room.this::closeIfStillEmpty, graceMs,
                            TimeUnit.MILLISECONDS);
                }
            }
            // Outside the lock, so that joins, the API and /metrics never wait for this: freeing the
            // member's decoders is native work, and finishing its files is disk I/O that may stall.
            mixer.unsubscribe(participant.id());
            mixer.removeParticipant(participant.id());
            services.fileWork().execute(() -> recorders.participantLeft(participant));
        }
    }

    /** The mixer's events, on its tick threads: only hand-offs here. */
    private final class MixerListener implements MixerEvents {
        @Override
        public void onActiveSpeaker(String participantId) {
            activeSpeaker = participantId;
            emit(new RoomEvent.ActiveSpeaker(participantId));
        }

        @Override
        public void onVideoDemand(String participantId, VideoDemand demand) {
            Participant p = member(participantId);
            PublishConstraints constraints = PublishConstraints.of(demand);
            if (p != null && p.constrainVideo(constraints)) {
                tell(p, new RoomEvent.VideoConstraints(participantId, constraints));
            }
        }

        @Override
        public void onFailed(String reason) {
            LOG.error("room {}: the mixer stopped ({}); closing the room", id(), reason);
            services.timers().execute(() -> close("mixer-failed"));
        }

        @Override
        public void onKeyFrameNeeded(String participantId) {
            Participant p = member(participantId);
            if (p != null) {
                p.requestKeyFrameFromClient();
            }
        }
    }
}
