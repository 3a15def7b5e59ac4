package io.chorus.core.session;

import io.chorus.core.rtp.MediaKind;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chorus.core.dtls.DtlsRole;
import io.chorus.core.ice.LocalCandidate;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.sdp.IceCandidate;
import io.chorus.core.sdp.IceCredentials;
import io.chorus.core.sdp.LocalMedia;
import io.chorus.core.sdp.LocalTransport;
import io.chorus.core.sdp.NegotiatedMedia;
import io.chorus.core.sdp.NegotiatedSession;
import io.chorus.core.sdp.OutgoingTrack;
import io.chorus.core.sdp.SdpAnswer;
import io.chorus.core.sdp.SdpAnswerer;
import io.chorus.core.sdp.SdpException;

/**
 * One participant's WebRTC transport, as signalling and rooms see it: accept the browser's offer,
 * take its trickled candidates, then exchange complete frames. Inside, {@link SecureTransport}
 * carries ICE/DTLS/SRTP, {@link MediaReceiver} turns RTP into frames, {@link MediaSender} turns
 * frames into RTP, and {@link RtcpEngine} does reports, NACK, PLI/FIR.
 */
public final class PeerSession implements MediaSession {
    private static final Logger LOG = LoggerFactory.getLogger(PeerSession.class);
    /** How often NACK retries, key-frame retries and report timing are checked. */
    private static final long TICK_MS = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TransportContext context;
    private final String name;
    private final MediaSession.Listener listener;
    private final DropCounters drops;
    private final SecureTransport transport;
    private final AtomicBoolean offerAccepted = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile SessionState state = SessionState.CONNECTING;
    private volatile MediaReceiver receiver;
    private volatile MediaSender sender;
    private volatile RtcpEngine rtcp;
    private volatile long videoBitrateLimitBps = -1;
    private volatile String videoEncoding;
    private ScheduledFuture<?> ticker;

    public PeerSession(TransportContext context, String name, MediaSession.Listener listener) throws IOException {
        this.context = context;
        this.name = name;
        this.listener = listener;
        this.drops = new DropCounters(name, LOG);
        this.transport = new SecureTransport(context, name, new SecureTransport.Receiver() {
            @Override
            public void onRtp(byte[] buffer, int offset, int length, long receivedNanos) {
                MediaReceiver r = receiver;
                if (r != null) {
                    r.onRtp(buffer, offset, length, receivedNanos);
                }
            }

            @Override
            public void onRtcp(byte[] buffer, int offset, int length, long receivedNanos) {
                RtcpEngine engine = rtcp;
                if (engine != null) {
                    engine.onRtcp(buffer, offset, length, receivedNanos);
                }
            }

            @Override
            public void onStateChange(SessionState next, String detail) {
                changeState(next, detail);
            }
        }, drops);
    }

    /** Answers the browser's offer: one BUNDLE transport, VP8 or H.264 video and Opus audio, sendrecv. */
    @Override
    public String acceptOffer(String offerSdp) throws SdpException {
        if (!offerAccepted.compareAndSet(false, true)) {
            throw new SdpException("an offer was already accepted; renegotiation is not supported");
        }
        try {
            return negotiate(offerSdp);
        } catch (SdpException | RuntimeException e) {
            offerAccepted.set(false);
            throw e;
        }
    }

    private String negotiate(String offerSdp) throws SdpException {
        List<LocalCandidate> candidates = transport.ice().localCandidates();
        LocalTransport local = new LocalTransport(
                new IceCredentials(transport.ice().localUfrag(), transport.ice().localPassword()),
                context.certificate().fingerprint(),
                candidates.stream().map(CandidateMapping::toSdp).toList(), true);
        long audioSsrc = randomSsrc();
        long videoSsrc = randomSsrc();
        LocalMedia media = new LocalMedia("chorus-" + name, "chorus",
                OutgoingTrack.withoutRtx("chorus-audio", audioSsrc), OutgoingTrack.withoutRtx("chorus-video", videoSsrc));
        SdpAnswer answer = SdpAnswerer.answer(offerSdp, local, media);
        NegotiatedSession negotiated = answer.session();
        videoEncoding = negotiated.media(MediaKind.VIDEO).map(m -> m.codec().encoding()).orElse(null);

        DtlsRole role = negotiated.dtlsRole();
        MediaSender mediaSender = new MediaSender(name, negotiated, media, transport);
        MediaReceiver mediaReceiver = new MediaReceiver(name, negotiated, listener, drops);
        RtcpEngine engine = new RtcpEngine(name, media.cname(), mediaReceiver, mediaSender, transport, listener,
                drops);
        mediaReceiver.setKeyFrameNeeded(engine::requestKeyFrame);
        sender = mediaSender;
        receiver = mediaReceiver;
        rtcp = engine;
        engine.limitVideoBitrate(videoBitrateLimitBps);
        transport.prepareDtls(context, role, negotiated.remoteFingerprint());

        transport.ice().start(negotiated.remoteIce().ufrag(), negotiated.remoteIce().password());
        for (IceCandidate candidate : negotiated.remoteCandidates()) {
            transport.ice().addRemoteCandidate(CandidateMapping.toRemote(candidate));
        }
        NegotiatedMedia bundle = negotiated.transportMedia();
        String mid = bundle.mid() == null ? "0" : bundle.mid();
        context.timers().execute(() -> {
            for (LocalCandidate c : candidates) {
                listener.onLocalCandidate(CandidateMapping.toSdp(c).toCandidateString(), mid, bundle.mLineIndex());
            }
            listener.onLocalCandidate(null, mid, bundle.mLineIndex());
        });
        synchronized (this) {
            if (!closed.get()) {
                ticker = context.timers().scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
            }
        }
        LOG.info("{}: answered offer; DTLS {}; {}", name, role, negotiated.media().stream()
                .map(m -> m.kind() + " " + m.codec().encoding() + "/" + m.codec().payloadType()
                        + m.rtxPayloadType().stream().mapToObj(pt -> " rtx/" + pt).findFirst().orElse(""))
                .toList());
        return answer.sdp();
    }

    /** A trickled browser candidate; null means end of candidates. */
    @Override
    public void addRemoteCandidate(String candidate) throws SdpException {
        if (candidate == null) {
            LOG.debug("{}: browser finished gathering candidates", name);
            return;
        }
        IceCandidate parsed = IceCandidate.parse(candidate);
        transport.ice().addRemoteCandidate(CandidateMapping.toRemote(parsed));
    }

    /**
     * Sends a complete frame to the browser on the server's own stream of that kind; the frame's
     * timestamp is in the codec's clock, the session maps it onto its own RTP timeline.
     */
    @Override
    public void sendFrame(MediaKind kind, EncodedFrame frame) {
        MediaSender s = sender;
        if (s != null && transport.secured()) {
            s.send(kind, frame);
        }
    }

    /** Asks the browser for a key frame of its video (PLI or FIR, rate-limited). */
    @Override
    public void requestKeyFrame() {
        RtcpEngine engine = rtcp;
        if (engine != null) {
            engine.requestKeyFrame();
        }
    }

    /**
     * Caps the bitrate of the browser's video with REMB (sent now and with every report), for
     * senders that do not follow the signalling's own constraints; -1 lifts the cap.
     */
    @Override
    public void limitVideoBitrate(long bitsPerSecond) {
        if (bitsPerSecond < -1) {
            throw new IllegalArgumentException("bitrate limit must be >= 0, or -1 for none: " + bitsPerSecond);
        }
        videoBitrateLimitBps = bitsPerSecond;
        RtcpEngine engine = rtcp;
        if (engine != null) {
            engine.limitVideoBitrate(bitsPerSecond);
        }
    }

    /** The negotiated video codec's encoding name (e.g. "VP8", "H264"), or null before the offer or without video. */
    @Override
    public String videoEncoding() {
        return videoEncoding;
    }

    /** The latest round-trip time measured from the browser's receiver reports, or -1. */
    @Override
    public long rttMillis() {
        RtcpEngine engine = rtcp;
        return engine == null ? -1 : engine.rttMs();
    }

    /** The browser's latest REMB estimate for the server's streams in bits per second, or -1. */
    @Override
    public long bandwidthEstimateBps() {
        RtcpEngine engine = rtcp;
        return engine == null ? -1 : engine.remoteEstimateBps();
    }

    @Override
    public SessionState state() {
        return state;
    }

    /** The ICE pair in use, "local -> remote", or null. */
    public String selectedPair() {
        return transport.ice().selectedPair();
    }

    public long dropped(DropReason reason) {
        return drops.count(reason);
    }

    private void tick() {
        RtcpEngine engine = rtcp;
        if (engine != null && transport.secured()) {
            long now = System.nanoTime();
            long silentNanos = now - transport.lastReceivedNanos();
            if (silentNanos > context.silenceLimit().toNanos()) {
                // A live browser sends RTCP every second or two and audio every 20 ms (RFC 7675's
                // consent, judged from traffic): this one has vanished without a goodbye.
                changeState(SessionState.FAILED, "nothing received from the browser for "
                        + silentNanos / 1_000_000 + " ms");
                return;
            }
            try {
                engine.tick(now);
            } catch (RuntimeException e) {
                LOG.error("{}: RTCP timer failed", name, e);
            }
        }
    }

    private void changeState(SessionState next, String detail) {
        synchronized (this) {
            SessionState previous = state;
            if (previous == next || previous == SessionState.CLOSED || previous == SessionState.FAILED) {
                return;
            }
            state = next;
            LOG.info("{}: {} -> {} ({})", name, previous, next, detail);
        }
        if (next == SessionState.FAILED || next == SessionState.CLOSED) {
            stopTicker();
        }
        listener.onStateChange(next, detail);
    }

    private synchronized void stopTicker() {
        if (ticker != null) {
            ticker.cancel(false);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stopTicker();
            transport.close();
            synchronized (this) {
                if (state != SessionState.FAILED) {
                    state = SessionState.CLOSED;
                }
            }
            LOG.info("{}: closed; drops {}", name, drops.snapshot());
        }
    }

    private static long randomSsrc() {
        return RANDOM.nextInt() & 0xFFFF_FFFFL;
    }
}
