package io.chorus.core.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.chorus.core.dtls.DtlsCertificate;
import io.chorus.core.dtls.DtlsHandshakeResult;
import io.chorus.core.dtls.DtlsRole;
import io.chorus.core.dtls.DtlsTransport;
import io.chorus.core.dtls.DtlsTransportListener;
import io.chorus.core.ice.IceClientTransport;
import io.chorus.core.ice.IceConfig;
import io.chorus.core.ice.IceState;
import io.chorus.core.ice.LocalCandidate;
import io.chorus.core.net.PacketClassifier;
import io.chorus.core.net.PacketKind;
import io.chorus.core.rtp.MediaKind;
import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.RtpPayload;
import io.chorus.core.rtp.codec.vp8.Vp8Packetizer;
import io.chorus.core.sdp.IceCandidate;
import io.chorus.core.srtp.SrtpContext;

/**
 * A whole participant without a browser: ICE (controlling), DTLS client and SRTP over real
 * loopback UDP against a real {@link PeerSession} that echoes frames like the echo room. Proves the
 * session's wiring (offer, trickle, DTLS role, keys, RTP in and out under the server's own SSRC).
 */
class SyntheticParticipantEchoTest {
    private static final long CLIENT_VIDEO_SSRC = 2853621987L + 1;
    private static final int VP8 = 96;

    @Test
    void framesSentBySyntheticParticipantComeBackUnderTheServersOwnSsrc() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        IceConfig ice = new IceConfig(InetAddress.getLoopbackAddress(), port, null, List.of(), Duration.ofSeconds(1),
                Duration.ofSeconds(3), IceConfig.Limits.DEFAULT);
        DtlsCertificate clientCertificate = DtlsCertificate.generate("synthetic");
        BlockingQueue<byte[]> echoed = new LinkedBlockingQueue<>();
        BlockingQueue<String> serverCandidates = new LinkedBlockingQueue<>();
        CompletableFuture<SrtpContext[]> clientKeys = new CompletableFuture<>();
        CompletableFuture<SessionState> serverConnected = new CompletableFuture<>();
        CompletableFuture<String> serverFailed = new CompletableFuture<>();
        SrtpContext[] keys = new SrtpContext[2];

        try (TransportContext context = TransportContext.start(ice, DtlsCertificate.generate())) {
            PeerSession[] session = new PeerSession[1];
            session[0] = new PeerSession(context, "synthetic", new MediaSession.Listener() {
                @Override
                public void onStateChange(SessionState state, String detail) {
                    if (state == SessionState.CONNECTED) {
                        serverConnected.complete(state);
                    } else if (state == SessionState.FAILED) {
                        serverFailed.complete(detail);
                    }
                }

                @Override
                public void onLocalCandidate(String candidate, String mid, int mLineIndex) {
                    if (candidate != null) {
                        serverCandidates.add(candidate);
                    }
                }

                @Override
                public void onFrame(MediaKind kind, EncodedFrame frame, int audioLevel) {
                    session[0].sendFrame(kind, frame);
                }

                @Override
                public void onKeyFrameRequested() {
                }
            });

            DtlsTransport[] dtls = new DtlsTransport[1];
            IceClientTransport client = new IceClientTransport("synthetic", InetAddress.getLoopbackAddress(),
                    (b, o, l, t) -> {
                        PacketKind kind = PacketClassifier.classify(b, o, l);
                        if (kind == PacketKind.DTLS) {
                            dtls[0].receive(b, o, l);
                        } else if (kind == PacketKind.RTP && keys[1] != null) {
                            try {
                                int n = keys[1].unprotectRtp(b, o, l);
                                echoed.add(Arrays.copyOfRange(b, o, o + n));
                            } catch (Exception e) {
                                // e.g. a replay: not what this test is about
                            }
                        }
                    }, (s, d) -> {
                        if (s == IceState.CONNECTED) {
                            dtls[0].start();
                        }
                    });
            try {
                String answer = session[0].acceptOffer(offerFrom(client, clientCertificate));
                String fingerprint = line(answer, "a=fingerprint:sha-256 ");
                dtls[0] = new DtlsTransport("synthetic", DtlsRole.CLIENT, clientCertificate,
                        io.chorus.core.dtls.CertificateFingerprint.parse("sha-256", fingerprint),
                        (b, o, l) -> {
                            try {
                                client.send(b, o, l);
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }, new DtlsTransportListener() {
                            @Override
                            public void onHandshakeComplete(DtlsHandshakeResult result) {
                                clientKeys.complete(new SrtpContext[] {result.srtpKeys().newProtectContext(),
                                        result.srtpKeys().newUnprotectContext()});
                            }

                            @Override
                            public void onHandshakeFailed(String reason) {
                                clientKeys.completeExceptionally(new AssertionError(reason));
                            }

                            @Override
                            public void onClosed(String reason) {
                            }
                        });
                List<LocalCandidate> candidates = new ArrayList<>();
                String line = serverCandidates.poll(5, TimeUnit.SECONDS);
                assertNotNull(line, "the server trickles its candidate");
                IceCandidate c = IceCandidate.parse(line);
                candidates.add(new LocalCandidate(c.foundation(), c.component(), c.priority(), c.address(), c.port(),
                        c.type(), c.relatedAddress(), c.relatedPort()));
                client.connect(line(answer, "a=ice-ufrag:"), line(answer, "a=ice-pwd:"), candidates);

                SrtpContext[] established = clientKeys.get(15, TimeUnit.SECONDS);
                keys[0] = established[0];
                keys[1] = established[1];
                assertEquals(SessionState.CONNECTED, serverConnected.get(5, TimeUnit.SECONDS));

                byte[] frame = Vp8KeyFrames.of(2500);
                int seq = 100;
                for (RtpPayload p : new Vp8Packetizer(1200).packetize(new EncodedFrame(frame, 0, true, 0, 0))) {
                    RtpPacket packet = RtpPacket.create(VP8, seq++, 0, CLIENT_VIDEO_SSRC, p.marker(), p.data(), 0,
                            p.data().length, 32);
                    int n = keys[0].protectRtp(packet.buffer(), 0, packet.length());
                    client.send(packet.buffer(), 0, n);
                }

                List<byte[]> back = new ArrayList<>();
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (back.size() < 3 && System.nanoTime() < deadline) {
                    byte[] p = echoed.poll(100, TimeUnit.MILLISECONDS);
                    if (p != null) {
                        back.add(p);
                    }
                }
                assertEquals(3, back.size(), "the three packets of the frame come back");
                byte[] reassembled = new byte[0];
                for (byte[] p : back) {
                    RtpPacket rtp = RtpPacket.parse(p, 0, p.length);
                    assertNotEquals(CLIENT_VIDEO_SSRC, rtp.ssrc(), "sent under the server's own SSRC");
                    assertEquals(VP8, rtp.payloadType());
                    byte[] joined = Arrays.copyOf(reassembled, reassembled.length + rtp.payloadLength() - 4);
                    System.arraycopy(p, rtp.payloadOffset() + 4, joined, reassembled.length, rtp.payloadLength() - 4);
                    reassembled = joined;
                }
                assertArrayEquals(frame, reassembled, "the frame survives depacketizing and re-packetizing");
                assertTrue(RtpPacket.parse(back.get(2), 0, back.get(2).length).marker());

                // The participant now falls silent (its ICE agent alone keeps answering) while forged
                // packets keep coming from its address: RTP whose authentication tag is wrong, and a
                // DTLS-looking record. Neither counts as the browser being alive: after the 3 s limit
                // the session gives it up.
                long silentSince = System.nanoTime();
                AtomicBoolean forging = new AtomicBoolean(true);
                Thread forger = new Thread(() -> {
                    int forgedSeq = 5000;
                    while (forging.get()) {
                        RtpPacket forged = RtpPacket.create(VP8, forgedSeq++, 0, CLIENT_VIDEO_SSRC, false,
                                new byte[40], 0, 40, 32);
                        byte[] bytes = Arrays.copyOf(forged.buffer(), forged.length() + 10);
                        // An encrypted record whose tag is wrong (Bouncy Castle discards it), and one too
                        // short to hold a tag at all (it used to make Bouncy Castle close the connection).
                        byte[] dtlsLooking = new byte[13 + 40];
                        byte[] header = {23, (byte) 0xFE, (byte) 0xFD, 0, 1, 0, 0, 0, 0, 0, 9, 0, 40};
                        System.arraycopy(header, 0, dtlsLooking, 0, header.length);
                        byte[] truncated = {22, (byte) 0xFE, (byte) 0xFD, 0, 1, 0, 0, 0, 0, 0, 9, 0, 1, 0};
                        try {
                            client.send(bytes, 0, bytes.length);
                            client.send(dtlsLooking, 0, dtlsLooking.length);
                            client.send(truncated, 0, truncated.length);
                            Thread.sleep(100);
                        } catch (java.io.IOException | InterruptedException e) {
                            return;
                        }
                    }
                }, "forger");
                forger.start();
                String why;
                try {
                    why = serverFailed.get(8, TimeUnit.SECONDS);
                } finally {
                    forging.set(false);
                    forger.join(2000);
                }
                long afterMs = (System.nanoTime() - silentSince) / 1_000_000;
                assertTrue(why.startsWith("nothing received from the browser"), why);
                assertTrue(afterMs >= 2_000 && afterMs < 6_000, "declared failed after " + afterMs + " ms");
            } finally {
                if (dtls[0] != null) {
                    dtls[0].close();
                }
                client.close();
                session[0].close();
            }
        }
    }

    /** Chrome's offer with this participant's ICE credentials and certificate fingerprint. */
    private static String offerFrom(IceClientTransport client, DtlsCertificate certificate) throws Exception {
        String offer;
        try (InputStream in = SyntheticParticipantEchoTest.class.getResourceAsStream("/sdp/chrome-audio-video.sdp")) {
            offer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return offer.replace("a=ice-ufrag:Wq7N", "a=ice-ufrag:" + client.localUfrag())
                .replace("a=ice-pwd:Kp4b9Qx2LrT8vZ1mN6sYdH3c", "a=ice-pwd:" + client.localPassword())
                .replaceAll("a=fingerprint:sha-256 [0-9A-F:]+", "a=fingerprint:sha-256 " + certificate.fingerprint()
                        .sdpValue());
    }

    private static String line(String sdp, String prefix) {
        return Arrays.stream(sdp.split("\r\n")).filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> l.substring(prefix.length())).orElseThrow(() -> new AssertionError("no " + prefix));
    }
}
