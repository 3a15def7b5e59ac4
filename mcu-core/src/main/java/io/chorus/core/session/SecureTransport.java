package io.chorus.core.session;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chorus.core.dtls.CertificateFingerprint;
import io.chorus.core.dtls.DtlsHandshakeResult;
import io.chorus.core.dtls.DtlsRecords;
import io.chorus.core.dtls.DtlsRole;
import io.chorus.core.dtls.DtlsSrtpKeys;
import io.chorus.core.dtls.DtlsTransport;
import io.chorus.core.dtls.DtlsTransportListener;
import io.chorus.core.ice.IceState;
import io.chorus.core.ice.IceTransport;
import io.chorus.core.net.PacketClassifier;
import io.chorus.core.net.PacketKind;
import io.chorus.core.srtp.SrtpContext;
import io.chorus.core.srtp.SrtpException;

/**
 * ICE, DTLS and SRTP for one participant: datagrams from the shared port are demultiplexed
 * (RFC 7983), DTLS records go to the handshake, SRTP/SRTCP is unprotected and handed up as plain
 * RTP and RTCP. Outgoing packets are protected and sent on the selected pair.
 * <p>
 * Threads: {@link Receiver} is called on ice4j's receive thread. Sends may come from that thread
 * and from the timer thread, so the outgoing SRTP context is guarded by a lock held only for one
 * protect-and-send.
 */
final class SecureTransport implements PacketTransport, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SecureTransport.class);
    private static final int MAX_EARLY_PACKETS = 256;

    interface Receiver {
        void onRtp(byte[] buffer, int offset, int length, long receivedNanos);

        void onRtcp(byte[] buffer, int offset, int length, long receivedNanos);

        void onStateChange(SessionState state, String detail);
    }

    private final String name;
    private final Receiver receiver;
    private final DropCounters drops;
    private final IceTransport ice;
    private final Object sendLock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    /**
     * SRTP that arrives between the browser finishing DTLS and our keys being installed (a few
     * milliseconds): usually the start of its first key frame, so it is held, not dropped.
     */
    private final ArrayDeque<byte[]> early = new ArrayDeque<>();
    private volatile DtlsTransport dtls;
    private volatile SrtpContext inbound;
    private SrtpContext outbound;
    private volatile long lastReceivedNanos = System.nanoTime();

    SecureTransport(TransportContext context, String name, Receiver receiver, DropCounters drops) throws IOException {
        this.name = name;
        this.receiver = receiver;
        this.drops = drops;
        this.ice = new IceTransport(context.port(), name, this::onDatagram, this::onIceState);
    }

    IceTransport ice() {
        return ice;
    }

    /** Prepares DTLS; the handshake starts once ICE has selected a pair. */
    void prepareDtls(TransportContext context, DtlsRole role, CertificateFingerprint remoteFingerprint) {
        dtls = new DtlsTransport(name, role, context.certificate(), remoteFingerprint, this::sendRaw,
                new DtlsTransportListener() {
                    @Override
                    public void onHandshakeComplete(DtlsHandshakeResult result) {
                        onKeys(result);
                    }

                    @Override
                    public void onHandshakeFailed(String reason) {
                        receiver.onStateChange(SessionState.FAILED, "DTLS handshake failed: " + reason);
                    }

                    @Override
                    public void onClosed(String reason) {
                        receiver.onStateChange(SessionState.CLOSED, "DTLS closed: " + reason);
                    }
                });
    }

    boolean secured() {
        return inbound != null;
    }

    /**
     * When the browser's last authenticated datagram arrived (SRTP or SRTCP that passed its
     * integrity check, or a DTLS record before the keys existed), on the {@link System#nanoTime} clock.
     */
    long lastReceivedNanos() {
        return lastReceivedNanos;
    }

    @Override
    public int sendRtp(byte[] buffer, int offset, int length) {
        return protectAndSend(buffer, offset, length, false);
    }

    @Override
    public int sendRtcp(byte[] buffer, int offset, int length) {
        return protectAndSend(buffer, offset, length, true);
    }

    @Override
    public void sendProtected(byte[] buffer, int offset, int length) {
        sendRaw(buffer, offset, length);
    }

    private int protectAndSend(byte[] buffer, int offset, int length, boolean rtcp) {
        synchronized (sendLock) {
            if (outbound == null || closed.get()) {
                return -1;
            }
            int protectedLength;
            try {
                protectedLength = rtcp ? outbound.protectRtcp(buffer, offset, length)
                        : outbound.protectRtp(buffer, offset, length);
            } catch (SrtpException e) {
                LOG.warn("{}: cannot protect outgoing {} packet: {}", name, rtcp ? "RTCP" : "RTP", e.getMessage());
                return -1;
            }
            return sendRaw(buffer, offset, protectedLength) ? protectedLength : -1;
        }
    }

    private boolean sendRaw(byte[] buffer, int offset, int length) {
        try {
            ice.send(buffer, offset, length);
            return true;
        } catch (IOException e) {
            LOG.debug("{}: send failed: {}", name, e.getMessage());
            return false;
        }
    }

    private void onKeys(DtlsHandshakeResult result) {
        DtlsSrtpKeys keys = result.srtpKeys();
        synchronized (sendLock) {
            outbound = keys.newProtectContext();
        }
        synchronized (early) {
            inbound = keys.newUnprotectContext();
        }
        LOG.info("{}: DTLS-SRTP established as {} with {} over {}", name, result.role(), result.profile(),
                ice.selectedPair());
        receiver.onStateChange(SessionState.CONNECTED, "DTLS-SRTP " + result.profile() + " over "
                + ice.selectedPair());
    }

    private void onIceState(IceState state, String detail) {
        switch (state) {
            case CONNECTED -> {
                DtlsTransport transport = dtls;
                if (transport != null) {
                    transport.start();
                }
            }
            case FAILED -> receiver.onStateChange(SessionState.FAILED, "ICE: " + detail);
            default -> {
            }
        }
    }

    private void onDatagram(byte[] buffer, int offset, int length, long receivedNanos) {
        switch (PacketClassifier.classify(buffer, offset, length)) {
            case DTLS -> {
                // Until the keys exist the handshake is the browser's only traffic; after, anyone who
                // can send from its address could forge a DTLS-looking datagram, so only SRTP counts.
                if (inbound == null) {
                    lastReceivedNanos = receivedNanos;
                } else if (!DtlsRecords.wellFormed(buffer, offset, length)) {
                    drops.drop(DropReason.MALFORMED_DTLS, "a DTLS datagram no peer sends, after the handshake");
                    return;
                }
                DtlsTransport transport = dtls;
                if (transport != null) {
                    transport.receive(buffer, offset, length);
                }
            }
            case RTP -> unprotect(buffer, offset, length, receivedNanos, false);
            case RTCP -> unprotect(buffer, offset, length, receivedNanos, true);
            default -> drops.drop(DropReason.UNKNOWN_PROTOCOL, "first byte " + (buffer[offset] & 0xFF));
        }
    }

    private void unprotect(byte[] buffer, int offset, int length, long receivedNanos, boolean rtcp) {
        SrtpContext context = inbound;
        if (context == null) {
            holdUntilKeys(buffer, offset, length);
            return;
        }
        if (!early.isEmpty()) {
            replayEarlyPackets(receivedNanos);
        }
        int plainLength;
        try {
            plainLength = rtcp ? context.unprotectRtcp(buffer, offset, length)
                    : context.unprotectRtp(buffer, offset, length);
        } catch (SrtpException e) {
            DropReason reason = switch (e.reason()) {
                case AUTH_FAILED -> DropReason.SRTP_AUTH_FAILED;
                case REPLAYED, TOO_OLD -> DropReason.SRTP_REPLAYED;
                case MALFORMED -> DropReason.SRTP_MALFORMED;
            };
            drops.drop(reason, e.getMessage());
            return;
        }
        // Liveness from authenticated packets only: a forged one must not keep a gone browser's session.
        lastReceivedNanos = receivedNanos;
        if (rtcp) {
            receiver.onRtcp(buffer, offset, plainLength, receivedNanos);
        } else {
            receiver.onRtp(buffer, offset, plainLength, receivedNanos);
        }
    }

    private void holdUntilKeys(byte[] buffer, int offset, int length) {
        synchronized (early) {
            if (inbound == null) {
                if (early.size() < MAX_EARLY_PACKETS) {
                    early.add(Arrays.copyOfRange(buffer, offset, offset + length));
                } else {
                    drops.drop(DropReason.BEFORE_KEYS, "SRTP before the DTLS handshake completed");
                }
                return;
            }
        }
        unprotect(buffer, offset, length, System.nanoTime(),
                PacketClassifier.classify(buffer, offset, length) == PacketKind.RTCP);
    }

    /** Runs on the receive thread, like every other packet, so the media path stays single-threaded. */
    private void replayEarlyPackets(long receivedNanos) {
        List<byte[]> held;
        synchronized (early) {
            held = new ArrayList<>(early);
            early.clear();
        }
        for (byte[] packet : held) {
            unprotect(packet, 0, packet.length, receivedNanos,
                    PacketClassifier.classify(packet, 0, packet.length) == PacketKind.RTCP);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            DtlsTransport transport = dtls;
            if (transport != null) {
                transport.close();
            }
            ice.close();
        }
    }
}
