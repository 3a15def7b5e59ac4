package io.chorus.signalling.conference;

import java.time.Duration;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chorus.core.rtp.MediaKind;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.session.MediaSession;
import io.chorus.core.session.SessionState;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.room.MixerParticipant;
import io.chorus.mixer.room.RoomMixer;

/**
 * One member of a conference room, whichever client it uses: its media session feeds the room's
 * mixer, and the room's composite (on the receiver's tier) and its mix-minus go back on the same
 * session. It reports to its room through {@link Listener}, and reaches its client through
 * {@link ParticipantSignals}. Transport callbacks only hand frames over; nothing here blocks a
 * network thread.
 */
public final class Participant implements Peer, MediaSession.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(Participant.class);
    static final double MIN_GAIN_DB = -60;
    static final double MAX_GAIN_DB = 20;

    /** What a participant tells its room, on signalling and transport threads. */
    interface Listener {
        /** Its offer was taken: the mixer has its input, and it receives the room. */
        void onMediaStarted(Participant participant);

        /** It muted or unmuted something. */
        void onUpdated(Participant participant);

        /** Its downstream video moved to another tier (or to audio only). */
        void onTierChanged(Participant participant, VideoTier tier);

        /** It left, failed or was closed; called once. */
        void onClosed(Participant participant);
    }

    private final String id;
    private final String name;
    private final String logName;
    private final RoomMixer mixer;
    private final RoomServices services;
    private final TierSelector tiers;
    private final Listener room;
    private final ParticipantSignals signals;
    private final MediaSession session;
    private final Negotiation negotiation;
    private final SendRate downstreamRate = new SendRate();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ClosedAction closedActions = new ClosedAction(this::closed);
    private volatile boolean connected;
    private volatile LeaveReason leaveReason;
    private volatile List<MediaTap> taps = List.of();
    private volatile MixerParticipant mixerInput;
    private volatile VideoCodec codec;
    private volatile DownstreamSender videoOut;
    private volatile DownstreamSender audioOut;
    private volatile boolean audioMuted;
    private volatile boolean videoMuted;
    private volatile double gainDb;

    /** @param logName e.g. {@code room/p3}, for logs and the transport's name */
    Participant(String id, String name, String logName, RoomMixer mixer, RoomServices services, TierSelector tiers,
            Listener room, ParticipantSignals signals) throws IOException {
        this.id = id;
        this.name = name;
        this.logName = logName;
        this.mixer = mixer;
        this.services = services;
        this.tiers = tiers;
        this.room = room;
        this.signals = signals;
        this.session = services.sessions().open(logName, this);
        this.negotiation = new Negotiation(session);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    ParticipantSignals signals() {
        return signals;
    }

    /** Whether the offer was taken and the mixer receives this member's media. */
    boolean mediaFlowing() {
        return mixerInput != null;
    }

    /** The member's video codec, or null for audio only (or before its offer). */
    VideoCodec videoCodec() {
        return codec;
    }

    MemberInfo info() {
        return new MemberInfo(id, name, audioMuted, videoMuted);
    }

    MemberView view() {
        return new MemberView(id, name, audioMuted, videoMuted, gainDb, tiers.current(), session.state().wireName(),
                session.rttMillis(), session.bandwidthEstimateBps(), downstreamDropped());
    }

    VideoTier tier() {
        return tiers.current();
    }

    /** Negotiates, then joins the mixer: its media in, the room's composite and mix-minus out. */
    @Override
    public void acceptOffer(String sdp, Consumer<String> onAnswer) throws ConferenceException {
        // The answer goes out before the mixer work (opening decoders takes a moment), so the
        // client's ICE and DTLS start at once.
        onAnswer.accept(negotiation.answer(sdp));
        codec = session.videoEncoding() == null ? null : codecOf(session.videoEncoding());
        VideoCodec downstreamCodec = codec == null ? VideoCodec.VP8 : codec;
        videoOut = new DownstreamSender(logName, MediaKind.VIDEO, session, services.sendPool(),
                () -> mixer.requestKeyFrame(id));
        audioOut = new DownstreamSender(logName, MediaKind.AUDIO, session, services.sendPool(), () -> { });
        MixerParticipant input = mixer.addParticipant(id, name, codec);
        input.setAudioMuted(audioMuted);
        input.setVideoMuted(videoMuted);
        input.setAudioGainDb(gainDb);
        mixerInput = input;
        if (codec != null) {
            mixer.subscribeVideo(id, tiers.current().profile(downstreamCodec), videoOut);
        }
        mixer.subscribeAudio(id, audioOut);
        if (closed.get()) {
            // Closed while this ran (its transport failed, its room closed): the leave may have
            // cleaned the mixer before the input above existed, so clean it again. Both are idempotent.
            mixer.unsubscribe(id);
            mixer.removeParticipant(id);
            LOG.info("{}: left while its media was being set up; its mixer input is gone again", logName);
            return;
        }
        room.onMediaStarted(this);
        LOG.info("{}: media negotiated (video {}); downstream tier {}", logName, codec, tiers.current());
    }

    private static VideoCodec codecOf(String encoding) {
        return encoding.equalsIgnoreCase("H264") ? VideoCodec.H264 : VideoCodec.VP8;
    }

    @Override
    public void addRemoteCandidate(String candidate) throws ConferenceException {
        negotiation.addRemoteCandidate(candidate);
    }

    @Override
    public void setMuted(Boolean audio, Boolean video) {
        boolean changed = false;
        MixerParticipant input = mixerInput;
        if (audio != null && audio != audioMuted) {
            audioMuted = audio;
            changed = true;
            if (input != null) {
                input.setAudioMuted(audio);
            }
        }
        if (video != null && video != videoMuted) {
            videoMuted = video;
            changed = true;
            if (input != null) {
                input.setVideoMuted(video);
            }
            if (!video) {
                session.requestKeyFrame();
            }
        }
        if (changed) {
            room.onUpdated(this);
        }
    }

    /** Gain applied to this participant's voice in everybody's mix. */
    void setGainDb(double db) throws ConferenceException {
        if (!(db >= MIN_GAIN_DB && db <= MAX_GAIN_DB)) {
            throw new ConferenceException(ConferenceException.Refusal.INVALID_ARGUMENT,
                    "gain must be " + MIN_GAIN_DB + ".." + MAX_GAIN_DB + " dB, got " + db);
        }
        gainDb = db;
        MixerParticipant input = mixerInput;
        if (input != null) {
            input.setAudioGainDb(db);
        }
    }

    @Override
    public boolean audioMuted() {
        return audioMuted;
    }

    @Override
    public boolean videoMuted() {
        return videoMuted;
    }

    @Override
    public boolean closed() {
        return closed.get();
    }

    /** Starts handing this participant's frames to {@code tap} too (a per-participant recording). */
    synchronized void addTap(MediaTap tap) {
        List<MediaTap> next = new ArrayList<>(taps);
        next.add(tap);
        taps = List.copyOf(next);
    }

    synchronized void removeTap(MediaTap tap) {
        List<MediaTap> next = new ArrayList<>(taps);
        next.remove(tap);
        taps = List.copyOf(next);
    }

    @Override
    public void onLocalCandidate(String candidate, String mid, int mLineIndex) {
        signals.onLocalCandidate(candidate, mid, mLineIndex);
    }

    @Override
    public void onStateChange(SessionState state, String detail) {
        signals.onConnectionState(state, detail);
        if (state == SessionState.CONNECTED) {
            connected = true;
            // Both directions start from a key frame at once: the member's own picture in the
            // composite is what tells a person the call works.
            mixer.requestKeyFrame(id);
            requestKeyFrameFromClient();
        } else if (state == SessionState.FAILED) {
            LOG.info("{}: media transport failed ({}); leaving the room", logName, detail);
            close(LeaveReason.CONNECTION_FAILED);
        }
    }

    @Override
    public void onFrame(MediaKind kind, EncodedFrame frame, int audioLevel) {
        MixerParticipant input = mixerInput;
        if (input == null) {
            return;
        }
        long now = System.nanoTime();
        if (kind == MediaKind.VIDEO) {
            input.pushVideo(frame);
        } else {
            input.pushAudio(frame, audioLevel, now);
        }
        for (MediaTap tap : taps) {
            tap.onFrame(kind, frame, now);
        }
    }

    @Override
    public void onKeyFrameRequested() {
        mixer.requestKeyFrame(id);
    }

    @Override
    public void onSenderReport(MediaKind kind, long ntpTimestamp, long rtpTimestamp) {
        MixerParticipant input = mixerInput;
        if (input != null) {
            input.onSenderReport(kind, ntpTimestamp, rtpTimestamp);
        }
    }

    @Override
    public void onBandwidthEstimate(long bitsPerSecond) {
        long sending = downstreamRate.update(bytesSent(), System.nanoTime());
        LOG.debug("{}: REMB {} b/s while sending {} b/s", logName, bitsPerSecond, sending);
        VideoTier next = tiers.onEstimate(bitsPerSecond, sending, System.nanoTime() / 1_000_000);
        VideoCodec c = codec;
        if (next == null || c == null || closed.get()) {
            return;
        }
        LOG.info("{}: client estimates {} kb/s; downstream moves to tier {}", logName, bitsPerSecond / 1000, next);
        if (next.audioOnly()) {
            // Below the lowest tier: the audio mix only; the tier's encoder closes if nobody else is on it.
            mixer.unsubscribeVideo(id);
        } else {
            // A new subscriber starts from a key frame, so video comes back whole after a pause too.
            mixer.subscribeVideo(id, next.profile(c), videoOut);
        }
        room.onTierChanged(this, next);
    }

    /**
     * Caps the camera's bitrate with REMB for clients that do not read the room's
     * {@link RoomEvent.VideoConstraints}. Mixer tick thread: the REMB goes out on the send pool.
     *
     * @return false when there is no camera to constrain (audio only, or gone)
     */
    boolean constrainVideo(PublishConstraints c) {
        if (codec == null || closed.get()) {
            return false;
        }
        LOG.debug("{}: camera shown at most {}x{}@{}, {} kb/s{}", logName, c.maxWidth(), c.maxHeight(),
                c.maxFramerate(), c.maxBitrateBps() / 1000, c.active() ? "" : " (shown nowhere: paused)");
        services.sendPool().execute(() -> session.limitVideoBitrate(c.maxBitrateBps()));
        return true;
    }

    /** Asks the client for a key frame of its camera (a decoder or a recording starts at one). */
    void requestKeyFrameFromClient() {
        services.sendPool().execute(session::requestKeyFrame);
    }

    /** Leaves the room and frees the session; idempotent, callable from any thread. */
    @Override
    public void close() {
        close(LeaveReason.LEFT);
    }

    /** @return whether this call closed it (false: it was closed already, with another reason) */
    boolean close(LeaveReason reason) {
        if (closed.compareAndSet(false, true)) {
            leaveReason = reason;
            room.onClosed(this);
            session.close();
            closedActions.run();
            return true;
        }
        return false;
    }

    @Override
    public void whenClosed(Runnable action) {
        closedActions.set(action);
    }

    LeaveReason leaveReason() {
        return leaveReason;
    }

    /**
     * Connect-deadline check, on the room's timer: a member whose transport has not connected by
     * now (no offer, or ICE and DTLS never completed) holds a seat, an ICE agent and a port
     * mapping for nothing, so it leaves, and its client is told why.
     */
    void leaveIfNotConnected(Duration waited) {
        if (connected || closed.get()) {
            return;
        }
        String why = (mediaFlowing() ? "ICE and DTLS did not complete" : "no offer arrived") + " within "
                + waited.toSeconds() + " s of joining";
        LOG.info("{}: not connected: {}; leaving the room", logName, why);
        signals.onConnectionState(SessionState.FAILED, "not connected: " + why);
        close(LeaveReason.NOT_CONNECTED);
    }

    /** Mixed frames dropped because this receiver's transport fell behind. */
    long downstreamDropped() {
        DownstreamSender v = videoOut;
        DownstreamSender a = audioOut;
        return (v == null ? 0 : v.dropped()) + (a == null ? 0 : a.dropped());
    }

    private long bytesSent() {
        DownstreamSender v = videoOut;
        DownstreamSender a = audioOut;
        return (v == null ? 0 : v.bytesSent()) + (a == null ? 0 : a.bytesSent());
    }
}
