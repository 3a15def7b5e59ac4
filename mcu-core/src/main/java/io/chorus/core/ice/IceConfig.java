package io.chorus.core.ice;

import static io.chorus.core.config.SettingChecks.inRange;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where the server's single media port listens and what it tells browsers about itself.
 *
 * @param bindAddress   local address of the shared UDP port (127.0.0.1 in tests)
 * @param port          the one UDP port all participants share
 * @param publicAddress address advertised in addition to the bind address, for a server behind a
 *                      1:1 NAT with the same port forwarded; null when not behind NAT
 * @param stunServers   STUN servers asked once at start-up for the public address; empty by default
 *                      because nothing may call out unless the operator says so
 * @param consentInterval how often the server sends a keep-alive on the selected pair
 * @param consentTimeout  how long the browser may stay silent (no media, RTCP or DTLS at all) before
 *                        its transport is declared failed
 * @param limits          what one remote party may make a session hold
 */
public record IceConfig(InetAddress bindAddress, int port, InetAddress publicAddress,
        List<InetSocketAddress> stunServers, Duration consentInterval, Duration consentTimeout, Limits limits) {

    /**
     * @param maxRemoteAddresses  source addresses one session accepts (each after a Binding Request
     *                            that passes the integrity check); ICE needs a handful
     * @param maxRemoteCandidates remote candidates one session takes; a browser sends a few per
     *                            network interface
     */
    public record Limits(int maxRemoteAddresses, int maxRemoteCandidates) {
        public static final Limits DEFAULT = new Limits(8, 32);

        public Limits {
            inRange(maxRemoteAddresses, 1, 64, "maxRemoteAddresses");
            inRange(maxRemoteCandidates, 1, 1000, "maxRemoteCandidates");
        }
    }

    public static final int DEFAULT_PORT = 10000;

    public IceConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (bindAddress.isAnyLocalAddress()) {
            throw new IllegalArgumentException("bind address must be a concrete address, not the wildcard "
                    + bindAddress.getHostAddress() + ": browsers need an address they can reach");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("UDP port out of range: " + port);
        }
        stunServers = List.copyOf(stunServers);
        if (consentInterval.isNegative() || consentInterval.isZero()) {
            throw new IllegalArgumentException("consent interval must be positive");
        }
        if (consentTimeout.compareTo(Duration.ofMillis(500)) < 0) {
            throw new IllegalArgumentException("consent timeout must be at least 500 ms");
        }
        Objects.requireNonNull(limits, "limits");
    }
}
