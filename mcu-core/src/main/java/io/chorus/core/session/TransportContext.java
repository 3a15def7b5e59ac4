package io.chorus.core.session;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import io.chorus.core.dtls.DtlsCertificate;
import io.chorus.core.ice.IceConfig;
import io.chorus.core.ice.SharedUdpPort;

/**
 * What every participant's transport shares: the one UDP media port, the server's DTLS
 * certificate (its fingerprint goes in every answer), and the scheduler that drives RTCP reports,
 * NACK retries and key-frame request retries.
 */
public final class TransportContext implements AutoCloseable {
    private final SharedUdpPort port;
    private final DtlsCertificate certificate;
    private final ScheduledExecutorService timers;
    private final Duration silenceLimit;

    private TransportContext(SharedUdpPort port, DtlsCertificate certificate, ScheduledExecutorService timers,
            Duration silenceLimit) {
        this.port = port;
        this.certificate = certificate;
        this.timers = timers;
        this.silenceLimit = silenceLimit;
    }

    public static TransportContext start(IceConfig ice, DtlsCertificate certificate) throws IOException {
        AtomicInteger threads = new AtomicInteger();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "transport-timers-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            return new TransportContext(SharedUdpPort.open(ice), certificate, timers, ice.consentTimeout());
        } catch (IOException | RuntimeException e) {
            timers.shutdownNow();
            throw e;
        }
    }

    public SharedUdpPort port() {
        return port;
    }

    public DtlsCertificate certificate() {
        return certificate;
    }

    /** How long a connected browser may send nothing at all before its session is declared failed. */
    Duration silenceLimit() {
        return silenceLimit;
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    @Override
    public void close() {
        timers.shutdownNow();
        port.close();
    }
}
