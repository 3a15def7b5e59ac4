package io.chorus.core.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The server's ICE transport on a real loopback port. Connectivity with a real peer is proven by
 * the Chromium end-to-end test in the signalling module.
 */
class IceTransportTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void advertisesTheConfiguredSharedPortAsItsHostCandidate() throws Exception {
        IceConfig config = IceConfig.loopback(freePort());
        try (SharedUdpPort port = SharedUdpPort.open(config);
                IceTransport first = new IceTransport(port, "p1", (b, o, l, t) -> { }, (s, d) -> { });
                IceTransport second = new IceTransport(port, "p2", (b, o, l, t) -> { }, (s, d) -> { })) {
            for (IceTransport transport : List.of(first, second)) {
                List<LocalCandidate> candidates = transport.localCandidates();
                assertEquals(1, candidates.size());
                assertEquals("127.0.0.1", candidates.get(0).address());
                assertEquals(config.port(), candidates.get(0).port(), "every participant shares one port");
                assertEquals("host", candidates.get(0).type());
                assertEquals(IceState.CHECKING, transport.state());
            }
            assertNotEquals(first.localUfrag(), second.localUfrag(), "the shared port demuxes by ufrag");
        }
    }

    @Test
    void advertisesTheConfiguredPublicAddressAsServerReflexive() throws Exception {
        IceConfig config = new IceConfig(LOOPBACK, freePort(), InetAddress.getByName("203.0.113.7"), List.of(),
                Duration.ofSeconds(5), Duration.ofSeconds(10));
        try (SharedUdpPort port = SharedUdpPort.open(config);
                IceTransport transport = new IceTransport(port, "p", (b, o, l, t) -> { }, (s, d) -> { })) {
            LocalCandidate srflx = transport.localCandidates().stream().filter(c -> c.type().equals("srflx"))
                    .findFirst().orElseThrow();
            assertEquals("203.0.113.7", srflx.address());
            assertEquals(config.port(), srflx.port());
            assertEquals("127.0.0.1", srflx.relatedAddress());
        }
    }

    @Test
    void rejectsCandidatesTheServerCannotUse() throws Exception {
        try (SharedUdpPort port = SharedUdpPort.open(IceConfig.loopback(freePort()));
                IceTransport server = new IceTransport(port, "p", (b, o, l, t) -> { }, (s, d) -> { })) {
            assertFalse(server.addRemoteCandidate(new RemoteCandidateInfo("1", 1, "tcp", 1, "127.0.0.1", 9, "host",
                    null, 0)));
            assertFalse(server.addRemoteCandidate(new RemoteCandidateInfo("1", 2, "udp", 1, "127.0.0.1", 9, "host",
                    null, 0)));
            assertFalse(server.addRemoteCandidate(new RemoteCandidateInfo("1", 1, "udp", 1,
                    "3f1c2a55-6f1b-4a8e-9d7e-0c1b2a3d4e5f.local", 9, "host", null, 0)));
            assertFalse(server.addRemoteCandidate(new RemoteCandidateInfo("1", 1, "udp", 1, "example.com", 9,
                    "host", null, 0)));
            assertTrue(server.addRemoteCandidate(new RemoteCandidateInfo("1", 1, "udp", 1, "127.0.0.1", 9, "host",
                    null, 0)));
        }
    }

    @Test
    void refusesWildcardBindAddress() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new IceConfig(InetAddress.getByName("0.0.0.0"), 10000, null, List.of(), Duration.ofSeconds(5),
                        Duration.ofSeconds(10)));
    }

    static int freePort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, LOOPBACK)) {
            return s.getLocalPort();
        }
    }
}
