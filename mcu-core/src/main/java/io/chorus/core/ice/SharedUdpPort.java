package io.chorus.core.ice;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.harvest.SinglePortUdpHarvester;
import org.ice4j.ice.harvest.StunMappingCandidateHarvester;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one UDP socket all participants share. ice4j's single-port harvester demultiplexes
 * incoming traffic by the ICE username fragment of the first STUN request from each remote
 * address, so every participant's {@link IceTransport} registers on this same port.
 */
public final class SharedUdpPort implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SharedUdpPort.class);

    private final IceConfig config;
    private final SinglePortUdpHarvester harvester;
    private final InetAddress publicAddress;

    private SharedUdpPort(IceConfig config, SinglePortUdpHarvester harvester, InetAddress publicAddress) {
        this.config = config;
        this.harvester = harvester;
        this.publicAddress = publicAddress;
    }

    public static SharedUdpPort open(IceConfig config) throws IOException {
        Ice4jSettings.apply(config);
        TransportAddress local = new TransportAddress(config.bindAddress(), config.port(), Transport.UDP);
        SinglePortUdpHarvester harvester;
        try {
            harvester = new SinglePortUdpHarvester(local);
        } catch (IOException e) {
            throw new IOException("cannot bind the media port " + local + ": " + e.getMessage(), e);
        }
        InetAddress publicAddress = config.publicAddress();
        if (publicAddress == null) {
            publicAddress = discoverByStun(config, local);
        }
        if (publicAddress != null) {
            LOG.info("Media port {} advertised also as {}:{} (server-reflexive)", local,
                    publicAddress.getHostAddress(), config.port());
        }
        LOG.info("Media: all participants share UDP {}", local);
        return new SharedUdpPort(config, harvester, publicAddress);
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

    SinglePortUdpHarvester harvester() {
        return harvester;
    }

    /** Public address to advertise as a server-reflexive candidate, or null. */
    InetAddress publicAddress() {
        return publicAddress;
    }

    public InetSocketAddress localAddress() {
        return harvester.getLocalAddress();
    }

    @Override
    public void close() {
        harvester.close();
    }
}
