package io.chorus.signalling.room;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.chorus.core.rtp.MediaKind;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.session.PeerSession;
import io.chorus.core.session.SessionState;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.room.MixerParticipant;
import io.chorus.signalling.protocol.ProtocolException;
import io.chorus.signalling.protocol.ServerMessages.ParticipantInfo;
import io.chorus.signalling.protocol.ServerMessages.TierInfo;
import io.chorus.signalling.protocol.ServerMessages.VideoConstraintsInfo;

/**
 * One member of a conference room: its WebRTC session feeds the room's mixer, and the room's
 * composite (on the receiver's tier) and its mix-minus go back on the same session. Transport
 * callbacks only hand frames over; nothing here blocks a network thread.
 */
final class ConferenceParticipant implements Participant, PeerSession.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ConferenceParticipant.class);
    static final double MIN_GAIN_DB = -60;
    static final double MAX_GAIN_DB = 20;

    private final String id;
    private final String name;
    private final ConferenceRoom room;
    private final SignallingChannel channel;
    private final SessionSignalling signalling;
    private final RoomServices services;
    private final PeerSession session;
    private final TierSelector tiers;
    private final SendRate downstreamRate = new SendRate();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile MixerParticipant mixerInput;
    private volatile VideoCodec codec;
    private volatile DownstreamSender videoOut;
    private volatile DownstreamSender audioOut;
    private volatile boolean audioMuted;
    private volatile boolean videoMuted;
    private volatile double gainDb;

    ConferenceParticipant(String id, String name, ConferenceRoom room, SignallingChannel channel,
            RoomServices services, TierSelector tiers) throws IOException {
        this.id = id;
        this.name = name;
        this.room = room;
        this.channel = channel;
        this.services = services;
        this.tiers = tiers;
        this.session = new PeerSession(services.transport(), room.id() + "/" + id, this);
        this.signalling = new SessionSignalling(session, channel, services.messages());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    /** Whether the offer was taken and the mixer receives this member's media. */
    boolean mediaFlowing() {
        return mixerInput != null;
    }

    /** The member's video codec, or null for audio only (or before its offer). */
    VideoCodec videoCodec() {
        return codec;
    }

    ParticipantInfo info() {
        return new ParticipantInfo(id, name, audioMuted, videoMuted);
    }

    PeerSession session() {
        return session;
    }

    VideoTier tier() {
        return tiers.current();
    }

    double gainDb() {
        return gainDb;
    }

    SignallingChannel channel() {
        return channel;
    }

    /** Negotiates, then joins the mixer: its media in, the room's composite and mix-minus out. */
    @Override
    public void acceptOffer(JsonNode requestId, String sdp) throws ProtocolException {
        // The answer goes out before the mixer work (opening decoders takes a moment), so the
        // browser's ICE and DTLS start at once.
        signalling.acceptOffer(requestId, sdp);
        codec = session.videoEncoding() == null ? null : codecOf(session.videoEncoding());
        VideoCodec downstreamCodec = codec == null ? VideoCodec.VP8 : codec;
        videoOut = new DownstreamSender(id, MediaKind.VIDEO, session, services.sendPool(),
                () -> room.mixer().requestKeyFrame(id));
        audioOut = new DownstreamSender(id, MediaKind.AUDIO, session, services.sendPool(), () -> { });
        MixerParticipant input = room.mixer().addParticipant(id, name, codec);
        input.setAudioMuted(audioMuted);
        input.setVideoMuted(videoMuted);
        input.setAudioGainDb(gainDb);
        mixerInput = input;
        if (codec != null) {
            room.mixer().subscribeVideo(id, tiers.current().profile(downstreamCodec), videoOut);
        }
        room.mixer().subscribeAudio(id, audioOut);
        room.mediaStarted(this);
        LOG.info("{}/{}: media negotiated (video {}); downstream tier {}", room.id(), id, codec, tiers.current());
    }

    private static VideoCodec codecOf(String encoding) {
        return encoding.equalsIgnoreCase("H264") ? VideoCodec.H264 : VideoCodec.VP8;
    }

    @Override
    public void addRemoteCandidate(String candidate) throws ProtocolException {
        signalling.addRemoteCandidate(candidate);
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
            room.participantUpdated(this);
        }
    }

    /** Gain applied to this participant's voice in everybody's mix. */
    void setGainDb(double db) {
        if (!(db >= MIN_GAIN_DB && db <= MAX_GAIN_DB)) {
            throw new IllegalArgumentException("gain must be " + MIN_GAIN_DB + ".." + MAX_GAIN_DB + " dB, got " + db);
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

    @Override
    public void onLocalCandidate(String candidate, String mid, int mLineIndex) {
        signalling.localCandidate(candidate, mid, mLineIndex);
    }

    @Override
    public void onStateChange(SessionState state, String detail) {
        signalling.connectionState(state, detail);
        if (state == SessionState.CONNECTED) {
            // Both directions start from a key frame at once: the member's own picture in the
            // composite is what tells a person the call works.
            room.mixer().requestKeyFrame(id);
            requestKeyFrameFromBrowser();
        } else if (state == SessionState.FAILED) {
            LOG.info("{}/{}: media transport failed ({}); leaving the room", room.id(), id, detail);
            close();
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
        room.memberFrame(id, kind == MediaKind.VIDEO, frame, now);
    }

    @Override
    public void onKeyFrameRequested() {
        room.mixer().requestKeyFrame(id);
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
        LOG.debug("{}/{}: REMB {} b/s while sending {} b/s", room.id(), id, bitsPerSecond, sending);
        VideoTier next = tiers.onEstimate(bitsPerSecond, sending, System.nanoTime() / 1_000_000);
        VideoCodec c = codec;
        if (next == null || c == null || closed.get()) {
            return;
        }
        LOG.info("{}/{}: browser estimates {} kb/s; downstream moves to tier {}", room.id(), id,
                bitsPerSecond / 1000, next);
        if (next.audioOnly()) {
            // Below the lowest tier: the audio mix only; the tier's encoder closes if nobody else is on it.
            room.mixer().unsubscribeVideo(id);
        } else {
            // A new subscriber starts from a key frame, so video comes back whole after a pause too.
            room.mixer().subscribeVideo(id, next.profile(c), videoOut);
        }
        channel.send(services.messages().tier(tierInfo(next)));
    }

    /**
     * Tells the browser how large its camera is shown (it scales its encoding down to that), and
     * caps the same bitrate with REMB for clients that do not read the message. Mixer tick thread:
     * the socket send is asynchronous, the REMB goes out on the send pool.
     */
    void constrainVideo(PublishConstraints c) {
        if (codec == null || closed.get()) {
            return;
        }
        LOG.debug("{}/{}: camera shown at most {}x{}@{}, {} kb/s{}", room.id(), id, c.maxWidth(), c.maxHeight(),
                c.maxFramerate(), c.maxBitrateBps() / 1000, c.active() ? "" : " (shown nowhere: paused)");
        channel.send(services.messages().videoConstraints(new VideoConstraintsInfo(c.maxWidth(), c.maxHeight(),
                c.maxFramerate(), c.maxBitrateBps(), c.active())));
        services.sendPool().execute(() -> session.limitVideoBitrate(c.maxBitrateBps()));
    }

    /** Asks this participant's browser for a key frame of its camera (its decoder in the mixer lost sync). */
    void requestKeyFrameFromBrowser() {
        services.sendPool().execute(session::requestKeyFrame);
    }

    static TierInfo tierInfo(VideoTier tier) {
        return new TierInfo(tier.name(), tier.width(), tier.height(), tier.bitrateBps());
    }

    /** Leaves the room and frees the session; idempotent, callable from any thread. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            room.leave(this);
            session.close();
        }
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
