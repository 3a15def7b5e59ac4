package io.chorus.samples.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.chorus.core.MalformedPacketException;
import io.chorus.core.dtls.CertificateFingerprint;
import io.chorus.core.dtls.DtlsCertificate;
import io.chorus.core.dtls.DtlsHandshakeResult;
import io.chorus.core.dtls.DtlsRole;
import io.chorus.core.dtls.DtlsTransport;
import io.chorus.core.dtls.DtlsTransportListener;
import io.chorus.core.ice.IceClientTransport;
import io.chorus.core.ice.IceState;
import io.chorus.core.ice.LocalCandidate;
import io.chorus.core.net.PacketClassifier;
import io.chorus.core.net.PacketKind;
import io.chorus.core.rtcp.Fir;
import io.chorus.core.rtcp.Pli;
import io.chorus.core.rtcp.Remb;
import io.chorus.core.rtcp.RtcpPacket;
import io.chorus.core.rtcp.RtcpParser;
import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.sdp.IceCandidate;
import io.chorus.core.sdp.SdpException;
import io.chorus.core.srtp.SrtpContext;
import io.chorus.core.srtp.SrtpException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A browser stand-in: joins a room over the WebSocket protocol, offers audio and video (or audio
 * only) like Chrome, runs ICE (controlling) and DTLS (client) against the server over loopback, then
 * sends its clip through SRTP when the pacer says so and hands what comes back to its
 * {@link MixReceiver}. Like a browser, it follows what the server asks of its camera: the
 * {@code video-constraints} message and REMB.
 */
final class SyntheticParticipant implements AutoCloseable {
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(20);
    private static final int MTU = 1200;
    /** Room SRTP needs at the end of a packet for its authentication tag. */
    private static final int SRTP_TAIL = 32;

    private final String name;
    private final MediaClip clip;
    private final SignallingClient signalling;
    private final IceClientTransport ice;
    private final DtlsCertificate certificate = DtlsCertificate.generate("load");
    private final CompletableFuture<SrtpContext[]> srtp = new CompletableFuture<>();
    private final long audioSsrc;
    private final long videoSsrc;
    private final SendLog sends;
    /** Null for audio only. */
    private final VariantRequests requests;
    private final VideoSender video;
    private final AudioSender audio;
    private final Samples latenciesMs = new Samples();
    private final AtomicLong undecryptable = new AtomicLong();
    private final AtomicLong keyFrameRequests = new AtomicLong();
    private volatile MixReceiver receiver;
    private volatile DtlsTransport dtls;
    private volatile SrtpContext protect;
    private volatile SrtpContext unprotect;
    private String participantId;

    private SyntheticParticipant(String name, MediaClip clip, boolean talker, int fps, SignallingClient signalling)
            throws IOException {
        this.name = name;
        this.clip = clip;
        this.signalling = signalling;
        int loopFrames = LoadSettings.LOOP_SECONDS * fps;
        this.sends = new SendLog(loopFrames);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.audioSsrc = random.nextLong(1, 1L << 32);
        // Below 2^32 - 1, so that the RTX stream can take the next SSRC.
        this.videoSsrc = random.nextLong(1, (1L << 32) - 1);
        this.audio = new AudioSender(clip.audio(), talker, audioSsrc, random.nextInt(1 << 16),
                random.nextLong(1L << 32), this::sendRtp, SRTP_TAIL);
        if (clip.video().isEmpty()) {
            this.requests = null;
            this.video = null;
        } else {
            this.requests = new VariantRequests(clip.variants());
            this.video = new VideoSender(name, clip.video(), requests, videoSsrc, random.nextInt(1 << 16),
                    random.nextLong(1L << 32), fps, loopFrames, sends, this::sendRtp, MTU, SRTP_TAIL);
            signalling.onMessage(VideoConstraints.TYPE, m -> requests.constraints(VideoConstraints.fromJson(m)));
        }
        this.ice = new IceClientTransport(name, InetAddress.getLoopbackAddress(), this::onPacket, this::onIceState);
    }

    /**
     * Joins {@code room} and completes ICE and DTLS. Once this returns, the participant is a member
     * of the roster and must be paced.
     *
     * @param talker whether it sends its tone, or only the silence of a listener
     * @param fps    the pacer's video rate
     * @param decode whether this participant decodes the composite and reads the roster's counters
     */
    static SyntheticParticipant join(HttpClient http, URI ws, String room, String name, MediaClip clip,
            boolean talker, int fps, Roster roster, boolean decode) throws IOException, InterruptedException {
        SignallingClient signalling = SignallingClient.connect(http, ws);
        SyntheticParticipant p = null;
        try {
            p = new SyntheticParticipant(name, clip, talker, fps, signalling);
            p.setUp(room, roster, decode);
            return p;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (p != null) {
                p.close();
            } else {
                signalling.close();
            }
            throw e;
        }
    }

    private void setUp(String room, Roster roster, boolean decode) throws IOException, InterruptedException {
        signalling.send(SignallingClient.message("join").put("room", room).put("name", name));
        JsonNode joined = signalling.await("joined", SETUP_TIMEOUT);
        participantId = joined.path("participant").asText();
        roster.add(new Roster.Member(participantId, sends, latenciesMs));
        VideoVariant top = video == null ? null : clip.variants().get(0);
        receiver = new MixReceiver(decode && top != null ? new CompositeReader(roster, top.width(), top.height())
                : null);

        String offer = OfferSdp.build(ice.localUfrag(), ice.localPassword(), certificate.fingerprintSdp(), audioSsrc,
                videoSsrc, videoSsrc + 1, name, video != null);
        signalling.send(SignallingClient.message("offer").put("sdp", offer));
        String answer = signalling.await("answer", SETUP_TIMEOUT).path("sdp").asText();
        dtls = new DtlsTransport(name, DtlsRole.CLIENT, certificate,
                CertificateFingerprint.parse("sha-256", attribute(answer, "a=fingerprint:sha-256 ")),
                this::sendDtls, new KeyListener());
        List<LocalCandidate> serverCandidates = serverCandidates();
        LocalCandidate own = ice.localCandidate();
        String ownLine = new IceCandidate(own.foundation(), own.component(), "udp", own.priority(), own.address(),
                own.port(), own.type(), null, 0, java.util.Map.of()).toCandidateString();
        signalling.send(SignallingClient.message("candidate").put("candidate", ownLine).put("sdpMid", "0")
                .put("sdpMLineIndex", 0));
        signalling.send(SignallingClient.message("candidate").putNull("candidate"));
        ice.connect(attribute(answer, "a=ice-ufrag:"), attribute(answer, "a=ice-pwd:"), serverCandidates);
        SrtpContext[] keys;
        try {
            keys = srtp.get(SETUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException(name + ": no DTLS-SRTP keys: " + e.getMessage(), e);
        }
        protect = keys[0];
        unprotect = keys[1];
    }

    /** The server trickles its candidates after the answer and ends them with a null candidate. */
    private List<LocalCandidate> serverCandidates() throws IOException, InterruptedException {
        List<LocalCandidate> candidates = new ArrayList<>();
        long deadline = System.nanoTime() + SETUP_TIMEOUT.toNanos();
        while (true) {
            JsonNode message = signalling.next(deadline);
            if (!"candidate".equals(message.path("type").asText())) {
                continue;
            }
            JsonNode line = message.path("candidate");
            if (line.isNull() || line.asText().isEmpty()) {
                if (candidates.isEmpty()) {
                    throw new IOException(name + ": the server ended its candidates without sending one");
                }
                return candidates;
            }
            try {
                IceCandidate c = IceCandidate.parse(line.asText());
                candidates.add(new LocalCandidate(c.foundation(), c.component(), c.priority(), c.address(), c.port(),
                        c.type(), c.relatedAddress(), c.relatedPort()));
            } catch (SdpException e) {
                throw new IOException(name + ": bad server candidate " + line.asText() + ": " + e.getMessage(), e);
            }
        }
    }

    private static String attribute(String sdp, String prefix) throws IOException {
        return Arrays.stream(sdp.split("\r\n")).filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> l.substring(prefix.length()))
                .orElseThrow(() -> new IOException("the answer has no " + prefix.trim()));
    }

    private void sendDtls(byte[] b, int o, int l) {
        try {
            ice.send(b, o, l);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void onIceState(IceState state, String detail) {
        if (state == IceState.CONNECTED) {
            dtls.start();
        } else if (state == IceState.FAILED) {
            srtp.completeExceptionally(new IOException("ICE failed: " + detail));
        }
    }

    private void onPacket(byte[] b, int o, int l, long receivedNanos) {
        PacketKind kind = PacketClassifier.classify(b, o, l);
        if (kind == PacketKind.DTLS) {
            dtls.receive(b, o, l);
        } else if (kind == PacketKind.RTP && unprotect != null) {
            try {
                int n = unprotect.unprotectRtp(b, o, l);
                receiver.packet(RtpPacket.parse(b, o, n), receivedNanos);
            } catch (SrtpException | MalformedPacketException e) {
                undecryptable.incrementAndGet();
            }
        } else if (kind == PacketKind.RTCP && unprotect != null && requests != null) {
            rtcp(b, o, l);
        }
    }

    /**
     * Only REMB is acted on, and only one naming this camera: the server's cap on what it sends. Key
     * frame requests are counted, not answered: each loop starts with a key frame anyway.
     */
    private void rtcp(byte[] b, int o, int l) {
        try {
            int n = unprotect.unprotectRtcp(b, o, l);
            for (RtcpPacket packet : RtcpParser.parse(b, o, n)) {
                if (packet instanceof Remb remb && remb.ssrcs().contains(videoSsrc)) {
                    requests.remb(remb.bitrateBps());
                } else if (packet instanceof Pli pli && pli.mediaSsrc() == videoSsrc
                        || packet instanceof Fir fir && fir.entries().stream().anyMatch(e -> e.ssrc() == videoSsrc)) {
                    keyFrameRequests.incrementAndGet();
                }
            }
        } catch (SrtpException | MalformedPacketException e) {
            undecryptable.incrementAndGet();
        }
    }

    /** Video tick {@code tick} at the pacer's rate; called by the pacer only. */
    void sendVideo(long tick) throws IOException {
        if (video != null) {
            video.tick(tick);
        }
    }

    /** 20 ms audio tick {@code tick}; called by the pacer only. */
    void sendAudio(long tick) throws IOException {
        audio.tick(tick);
    }

    private void sendRtp(byte[] packet, int length) throws IOException {
        try {
            int n = protect.protectRtp(packet, 0, length);
            ice.send(packet, 0, n);
        } catch (SrtpException e) {
            throw new IOException(name + ": SRTP protect failed: " + e.getMessage(), e);
        }
    }

    /** Camera variant switches so far; 0 for audio only. */
    long videoSwitches() {
        return video == null ? 0 : video.switches();
    }

    /** The variant the camera sends now ({@code 640x360@30}, {@code off}), or {@code none} for audio only. */
    String videoVariant() {
        return video == null ? "none" : video.currentVariant();
    }

    String name() {
        return name;
    }

    MixReceiver receiver() {
        return receiver;
    }

    Samples latenciesMs() {
        return latenciesMs;
    }

    long undecryptablePackets() {
        return undecryptable.get();
    }

    /** PLI and FIR naming this camera so far. */
    long keyFrameRequests() {
        return keyFrameRequests.get();
    }

    @Override
    public void close() {
        try {
            signalling.send(SignallingClient.message("leave"));
        } catch (IOException e) {
            // Leaving is a courtesy: closing the socket removes the participant as well.
        }
        signalling.close();
        if (dtls != null) {
            dtls.close();
        }
        ice.close();
        if (receiver != null) {
            receiver.close();
        }
    }

    private final class KeyListener implements DtlsTransportListener {
        @Override
        public void onHandshakeComplete(DtlsHandshakeResult result) {
            srtp.complete(new SrtpContext[] {result.srtpKeys().newProtectContext(),
                result.srtpKeys().newUnprotectContext()});
        }

        @Override
        public void onHandshakeFailed(String reason) {
            srtp.completeExceptionally(new IOException("DTLS handshake failed: " + reason));
        }

        @Override
        public void onClosed(String reason) {
        }
    }
}
