package io.chorus.core.dtls;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsPeer;
import org.bouncycastle.tls.TlsTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer connection's DTLS-SRTP association (RFC 5764, RFC 8842), bytes in and bytes out: it never
 * touches a socket. The network thread hands incoming DTLS datagrams to {@link #receive}, which only
 * queues them; outgoing datagrams go to the {@link DtlsPacketSender}.
 * <p>
 * Bouncy Castle's DTLS API blocks, so {@link #start()} runs the handshake on a daemon thread of its
 * own. After a successful handshake that thread stays parked on the queue, to answer retransmissions
 * of the peer's last flight and to notice the peer's close_notify or fatal alert. Application data
 * (a data channel) is not supported and is dropped.
 * <p>
 * Garbage from the network never crashes it: BC discards datagrams that do not parse as a DTLS
 * record, and after the handshake records that fail authentication (RFC 6347 4.1.2.7). Before the
 * handshake completes, records are in epoch 0, which has no MAC: BC accepts a forged but
 * well-framed one as far as its replay window goes, which costs a retransmission, or, with a
 * sequence number far ahead, stalls the handshake until its timeout. That is DTLS 1.2 itself; only
 * a sender able to spoof the peer's ICE address can do it.
 */
public final class DtlsTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DtlsTransport.class);
    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();
    /** The thread normally ends within milliseconds of close(); this only bounds a pathological wait. */
    private static final long JOIN_MILLIS = 2_000;

    private final String name;
    private final DtlsRole role;
    private final DtlsTransportListener listener;
    private final DatagramQueueTransport datagrams;
    private final DtlsSrtpContext srtp;
    private final TlsPeer peer;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread thread;

    public DtlsTransport(String name, DtlsRole role, DtlsCertificate certificate,
            CertificateFingerprint remoteFingerprint, DtlsPacketSender sender, DtlsTransportListener listener) {
        this(name, role, certificate, remoteFingerprint, sender, listener, DtlsSettings.defaults());
    }

    /**
     * @param name              for log lines and the thread name, e.g. the participant id
     * @param remoteFingerprint the peer's {@code a=fingerprint}; its certificate must match it
     */
    public DtlsTransport(String name, DtlsRole role, DtlsCertificate certificate,
            CertificateFingerprint remoteFingerprint, DtlsPacketSender sender, DtlsTransportListener listener,
            DtlsSettings settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.role = Objects.requireNonNull(role, "role");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.datagrams = new DatagramQueueTransport(Objects.requireNonNull(sender, "sender"),
                settings.maxDatagramSize(), settings.receiveQueueCapacity());
        this.srtp = new DtlsSrtpContext(name, role, Objects.requireNonNull(certificate, "certificate"),
                Objects.requireNonNull(remoteFingerprint, "remoteFingerprint"), settings);
        this.peer = role == DtlsRole.SERVER ? new DtlsSrtpServer(srtp) : new DtlsSrtpClient(srtp);
    }

    public DtlsRole role() {
        return role;
    }

    /**
     * Starts the handshake thread; the handshake timeout counts from here. A CLIENT sends its
     * ClientHello at once; a SERVER waits for one. Does nothing once closed.
     *
     * @throws IllegalStateException if called twice
     */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException(name + ": DTLS transport already started");
        }
        if (closed.get()) {
            return;
        }
        Thread t = new Thread(this::run,
                "dtls-" + role.name().toLowerCase(Locale.ROOT) + "-" + THREAD_NUMBERS.incrementAndGet() + "-" + name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /**
     * Hands over one incoming DTLS datagram; the bytes are copied. Never blocks: if the DTLS thread is
     * behind and the queue is full, the datagram is dropped (DTLS retransmits) and counted.
     */
    public void receive(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (!datagrams.offer(buffer, offset, length) && !closed.get()) {
            LOG.debug("{}: dropped a {}-byte DTLS datagram ({} so far)", name, length, datagrams.droppedCount());
        }
    }

    /** Datagrams dropped because the queue was full, they were empty or oversized, or we were closed. */
    public long droppedDatagrams() {
        return datagrams.droppedCount();
    }

    /**
     * Sends close_notify if a connection is up (or user_canceled during a handshake), stops the
     * thread and waits briefly for it. Idempotent; no callback starts after this call. May be called
     * from the listener itself.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            // BC's close handle is its record layer: alerts go out before it closes our queue.
            peer.cancel();
        } catch (IOException e) {
            LOG.debug("{}: closing the DTLS record layer failed", name, e);
        }
        datagrams.close();
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                LOG.warn("{}: DTLS thread still running {} ms after close", name, JOIN_MILLIS);
            }
        }
    }

    /** Whether the DTLS thread is alive: from start() until failure, the peer's close, or close(). */
    boolean isRunning() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    private void run() {
        DTLSTransport connection;
        try {
            connection = role == DtlsRole.SERVER
                    ? new DTLSServerProtocol().accept((DtlsSrtpServer) peer, datagrams)
                    : new DTLSClientProtocol().connect((DtlsSrtpClient) peer, datagrams);
        } catch (IOException | RuntimeException e) {
            if (!closed.get()) {
                String reason = handshakeFailureReason(e);
                LOG.warn("{}: DTLS {} handshake failed: {}", name, role, reason);
                report(() -> listener.onHandshakeFailed(reason));
            }
            return;
        }
        DtlsHandshakeResult result = srtp.result();
        LOG.info("{}: DTLS {} handshake complete, SRTP profile {}", name, role, result.profile());
        if (!closed.get()) {
            report(() -> listener.onHandshakeComplete(result));
        }
        String reason = readUntilClosed(connection);
        if (!closed.get()) {
            LOG.info("{}: DTLS connection closed: {}", name, reason);
            report(() -> listener.onClosed(reason));
        }
    }

    /** Serves the connection until it ends, and says why it ended. */
    private String readUntilClosed(DTLSTransport connection) {
        try {
            byte[] buffer = new byte[connection.getReceiveLimit()];
            while (true) {
                // Waits without limit: close() wakes the queue, which then throws.
                int length = connection.receive(buffer, 0, buffer.length, 0);
                if (length >= 0) {
                    LOG.debug("{}: dropped {} bytes of DTLS application data", name, length);
                }
            }
        } catch (TlsFatalAlertReceived e) {
            return "peer sent fatal alert " + AlertDescription.getText(e.getAlertDescription());
        } catch (IOException | RuntimeException e) {
            return srtp.closeNotifyReceived() ? "peer sent close_notify" : "DTLS connection failed: " + e;
        }
    }

    /** A throwing listener must not kill the thread that still answers the peer's retransmissions. */
    private void report(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.error("{}: DTLS listener failed", name, e);
        }
    }

    private String handshakeFailureReason(Exception e) {
        if (e instanceof TlsFatalAlertReceived received) {
            return "peer sent fatal alert " + AlertDescription.getText(received.getAlertDescription());
        }
        if (e instanceof TlsTimeoutException) {
            return "no DTLS handshake within " + srtp.handshakeTimeoutMillis() + " ms";
        }
        if (e instanceof TlsFatalAlert raised) {
            return "we aborted with " + raised.getMessage();
        }
        return e.toString();
    }
}
