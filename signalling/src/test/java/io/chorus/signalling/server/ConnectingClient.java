package io.chorus.signalling.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
import io.chorus.core.rtcp.ReceiverReport;
import io.chorus.core.sdp.IceCandidate;
import io.chorus.core.srtp.SrtpContext;
import io.chorus.core.srtp.SrtpException;

/**
 * The transport half of a browser, for tests that need a session to really connect: offers
 * Chrome's SDP with its own ICE credentials and certificate, then runs ICE (controlling) and DTLS
 * (client) against the server over loopback. It sends no media, and counts what the server sends.
 */
final class ConnectingClient implements AutoCloseable {
    /** One certificate for every client of a run: generating one per client costs more than the test measures. */
    private static final DtlsCertificate CERTIFICATE = DtlsCertificate.generate("test-client");
    private static final long REPORT_SSRC = 0x5eed_c0deL;

    private final String name;
    private final IceClientTransport ice;
    private final CompletableFuture<Void> handshake = new CompletableFuture<>();
    private final AtomicLong mediaPackets = new AtomicLong();
    private volatile DtlsTransport dtls;
    private volatile SrtpContext protect;

    ConnectingClient(String name) throws IOException {
        this.name = name;
        this.ice = new IceClientTransport(name, InetAddress.getLoopbackAddress(), this::onPacket, this::onIceState);
    }

    /** Chrome's offer with this client's ICE credentials and certificate fingerprint. */
    String offer(String chromeOffer) {
        return chromeOffer.replaceAll("a=ice-ufrag:\\S+", "a=ice-ufrag:" + ice.localUfrag())
                .replaceAll("a=ice-pwd:\\S+", "a=ice-pwd:" + ice.localPassword())
                .replaceAll("a=fingerprint:sha-256 [0-9A-F:]+", "a=fingerprint:sha-256 " + CERTIFICATE.fingerprintSdp());
    }

    /**
     * Runs ICE and DTLS to the end.
     *
     * @param answer          the server's answer
     * @param serverCandidate a candidate line the server trickled
     * @throws IOException when ICE or DTLS fails or does not finish within {@code timeout}
     */
    void connect(String answer, String serverCandidate, Duration timeout) throws IOException, InterruptedException {
        dtls = new DtlsTransport(name, DtlsRole.CLIENT, CERTIFICATE,
                CertificateFingerprint.parse("sha-256", attribute(answer, "a=fingerprint:sha-256 ")), this::sendDtls,
                new DtlsTransportListener() {
                    @Override
                    public void onHandshakeComplete(DtlsHandshakeResult result) {
                        protect = result.srtpKeys().newProtectContext();
                        handshake.complete(null);
                    }

                    @Override
                    public void onHandshakeFailed(String reason) {
                        handshake.completeExceptionally(new IOException("DTLS failed: " + reason));
                    }

                    @Override
                    public void onClosed(String reason) {
                    }
                });
        IceCandidate c;
        try {
            c = IceCandidate.parse(serverCandidate);
        } catch (Exception e) {
            throw new IOException(name + ": bad server candidate " + serverCandidate, e);
        }
        ice.connect(attribute(answer, "a=ice-ufrag:"), attribute(answer, "a=ice-pwd:"), List.of(new LocalCandidate(
                c.foundation(), c.component(), c.priority(), c.address(), c.port(), c.type(), c.relatedAddress(),
                c.relatedPort())));
        try {
            handshake.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IOException(name + ": did not connect: " + e, e);
        }
    }

    /**
     * Sends an empty receiver report through SRTCP: authenticated traffic, which is what keeps a
     * session alive on the server (a browser sends its reports every second or so).
     */
    void sendReceiverReport() throws IOException {
        SrtpContext context = protect;
        if (context == null) {
            throw new IllegalStateException(name + " is not connected");
        }
        ReceiverReport report = new ReceiverReport(REPORT_SSRC, List.of());
        byte[] packet = new byte[report.length() + 64];
        int length = report.writeTo(packet, 0);
        try {
            ice.send(packet, 0, context.protectRtcp(packet, 0, length));
        } catch (SrtpException e) {
            throw new IOException(name + ": cannot protect a report: " + e.getMessage(), e);
        }
    }

    /** SRTP and SRTCP packets the server has sent so far (counted, not decrypted). */
    long mediaPackets() {
        return mediaPackets.get();
    }

    private void onPacket(byte[] b, int o, int l, long receivedNanos) {
        PacketKind kind = PacketClassifier.classify(b, o, l);
        DtlsTransport transport = dtls;
        if (transport != null && kind == PacketKind.DTLS) {
            transport.receive(b, o, l);
        } else if (kind == PacketKind.RTP || kind == PacketKind.RTCP) {
            mediaPackets.incrementAndGet();
        }
    }

    private void onIceState(IceState state, String detail) {
        if (state == IceState.CONNECTED) {
            dtls.start();
        } else if (state == IceState.FAILED) {
            handshake.completeExceptionally(new IOException("ICE failed: " + detail));
        }
    }

    private void sendDtls(byte[] b, int o, int l) {
        try {
            ice.send(b, o, l);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String attribute(String sdp, String prefix) throws IOException {
        return Arrays.stream(sdp.split("\r\n")).filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> l.substring(prefix.length()))
                .orElseThrow(() -> new IOException("no " + prefix + " in the answer"));
    }

    @Override
    public void close() {
        DtlsTransport transport = dtls;
        if (transport != null) {
            transport.close();
        }
        ice.close();
    }
}
