package io.chorus.core.ice;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.harvest.StunMappingCandidateHarvester;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one UDP socket all participants share. ice4j's single-port harvester demultiplexes
 * incoming traffic by the ICE username fragment of the first STUN request from each remote
 * address, so every participant's {@link IceTransport} registers on this same port.
 *
 * <p>One ice4j thread receives for every participant. Nothing Chorus runs on it may throw (see
 * {@link GuardedUdpHarvester} and {@link IceTransport}); should it die all the same, from an
 * {@link Error} inside ice4j, the port is opened again at once and the death logged as an error:
 * new sessions work again, and the sessions that were on the dead thread end by their silence.
 */
public final class SharedUdpPort implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SharedUdpPort.class);

    private static final int REOPEN_ATTEMPTS = 20;
    private static final long REOPEN_PAUSE_MILLIS = 100;

    private final IceConfig config;
    private final TransportAddress local;
    /** Set once in {@link #open}, before the port is handed out. */
    private volatile InetAddress publicAddress;
    private final MediaPortStats stats = new MediaPortStats();
    private volatile GuardedUdpHarvester harvester;
    /** ice4j's thread that reads the port; dead between a crash and the reopening. */
    private volatile Thread receiveThread;
    private volatile boolean closed;

    private SharedUdpPort(IceConfig config, TransportAddress local) {
        this.config = config;
        this.local = local;
    }

    public static SharedUdpPort open(IceConfig config) throws IOException {
        Ice4jSettings.apply(config);
        TransportAddress local = new TransportAddress(config.bindAddress(), config.port(), Transport.UDP);
        SharedUdpPort port = new SharedUdpPort(config, local);
        try {
            port.bind();
        } catch (IOException e) {
            throw new IOException("cannot bind the media port " + local + ": " + e.getMessage(), e);
        }
        InetAddress publicAddress = config.publicAddress();
        if (publicAddress == null) {
            publicAddress = discoverByStun(config, local);
        }
        port.publicAddress = publicAddress;
        if (publicAddress != null) {
            LOG.info("Media port {} advertised also as {}:{} (server-reflexive)", local,
                    publicAddress.getHostAddress(), config.port());
        }
        LOG.info("Media: all participants share UDP {}", local);
        return port;
    }

    private void bind() throws IOException {
        GuardedUdpHarvester opened = new GuardedUdpHarvester(local, config.limits().maxRemoteAddresses(), stats);
        harvester = opened;
        superviseReceiveThread(opened);
    }

    /**
     * ice4j starts its receive thread in the harvester's constructor and keeps it private; it is
     * found by the name ice4j gives it, so that its death, which would silence every room, reopens
     * the port instead of passing unnoticed.
     */
    private void superviseReceiveThread(GuardedUdpHarvester watched) {
        String name = "org.ice4j.ice.harvest.AbstractUdpListener thread for " + watched.getLocalAddress();
        // On a reopening the dead thread runs this very code and bears the same name: skip it.
        Thread receiver = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name) && t != Thread.currentThread()).findFirst()
                .orElseThrow(() -> new IllegalStateException("ice4j's receive thread '" + name
                        + "' was not found; this ice4j version names it otherwise"));
        receiver.setUncaughtExceptionHandler((thread, error) -> onReceiveThreadDied(watched, error));
        receiveThread = receiver;
    }

    private void onReceiveThreadDied(GuardedUdpHarvester dead, Throwable error) {
        // Not receiving from here on (this dying thread runs the reopening), until a new thread is found.
        receiveThread = null;
        stats.receiveLoopRestart();
        LOG.error("Media port {}: the receive thread died; every session on it has lost its media. Reopening"
                + " the port for new sessions", local, error);
        dead.close();
        for (int attempt = 1; attempt <= REOPEN_ATTEMPTS && !closed; attempt++) {
            try {
                bind();
                LOG.error("Media port {} reopened (attempt {}); sessions that were on it end by their silence",
                        local, attempt);
                return;
            } catch (IOException | RuntimeException e) {
                LOG.error("Media port {}: reopening failed (attempt {} of {}): {}", local, attempt, REOPEN_ATTEMPTS,
                        e.toString());
                try {
                    Thread.sleep(REOPEN_PAUSE_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Asks the configured STUN servers, in order, for the address the outside world sees. The
     * browsers' checks then arrive on the bind address through the NAT, where ice4j finds them
     * by ufrag, so the mapping only has to be advertised, not harvested.
     */
    private static InetAddress discoverByStun(IceConfig config, TransportAddress local) {
        for (InetSocketAddress stun : config.stunServers()) {
            StunMappingCandidateHarvester probe = new StunMappingCandidateHarvester(local,
                    new TransportAddress(stun, Transport.UDP));
            probe.discover();
            if (probe.getMask() != null) {
                LOG.info("STUN server {} reports public address {}", stun, probe.getMask());
                return probe.getMask().getAddress();
            }
            LOG.warn("STUN server {} did not report a public address", stun);
        }
        return null;
    }

    IceConfig config() {
        return config;
    }

    GuardedUdpHarvester harvester() {
        return harvester;
    }

    public MediaPortStats stats() {
        return stats;
    }

    /** Public address to advertise as a server-reflexive candidate, or null. */
    InetAddress publicAddress() {
        return publicAddress;
    }

    /**
     * Whether the port takes media: it is open and its receive thread runs. False for good once a
     * crashed receive thread could not be replaced (the port could not be bound again).
     */
    public boolean receiving() {
        Thread receiver = receiveThread;
        return !closed && receiver != null && receiver.isAlive();
    }

    public InetSocketAddress localAddress() {
        return harvester.getLocalAddress();
    }

    @Override
    public void close() {
        closed = true;
        harvester.close();
    }
}
