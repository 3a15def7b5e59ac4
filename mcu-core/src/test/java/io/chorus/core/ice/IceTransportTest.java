package io.chorus.core.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The server's ICE transport on a real loopback port, against the client role
 * ({@link IceClientTransport}); connectivity with Chromium is proven by the end-to-end tests in the
 * signalling module.
 */
class IceTransportTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void advertisesTheConfiguredSharedPortAsItsHostCandidate() throws Exception {
        IceConfig config = shortConsent(freePort());
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
    void aSessionTakesItsLimitOfRemoteCandidatesAndCountsTheRest() throws Exception {
        IceConfig config = new IceConfig(LOOPBACK, freePort(), null, List.of(), Duration.ofSeconds(1),
                Duration.ofSeconds(3), new IceConfig.Limits(8, 5));
        try (SharedUdpPort port = SharedUdpPort.open(config);
                IceTransport transport = new IceTransport(port, "p", (b, o, l, t) -> { }, (s, d) -> { })) {
            int taken = 0;
            for (int i = 0; i < 40; i++) {
                taken += transport.addRemoteCandidate(new RemoteCandidateInfo("f" + i, 1, "udp", 2_000_000_000L - i,
                        "127.0.0." + (i + 1), 50_000 + i, "host", null, 0)) ? 1 : 0;
            }
            assertEquals(5, taken);
            assertEquals(35, port.stats().candidatesOverLimit());
        }
    }

    @Test
    void onlyIpLiteralsReachTheResolverSoNoCandidateCausesADnsLookup() throws Exception {
        assertEquals(InetAddress.getByName("127.1.2.3"), IceTransport.literalAddress("127.1.2.3"));
        assertEquals(InetAddress.getByName("::1"), IceTransport.literalAddress("::1"));
        assertEquals(InetAddress.getByName("2001:db8::7"), IceTransport.literalAddress("2001:db8::7"));
        for (String notLiteral : List.of("1.2.3.4.5", "256.1.1.1", "1.2.3", "example.com", "127.0.0.1x", "",
                "host.local", "1..2.3")) {
            assertThrows(UnknownHostException.class, () -> IceTransport.literalAddress(notLiteral), notLiteral);
        }
    }

    @Test
    void advertisesTheConfiguredPublicAddressAsServerReflexive() throws Exception {
        IceConfig config = new IceConfig(LOOPBACK, freePort(), InetAddress.getByName("203.0.113.7"), List.of(),
                Duration.ofSeconds(1), Duration.ofSeconds(3), IceConfig.Limits.DEFAULT);
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
    void aClientConnectsAndExchangesData() throws Exception {
        IceConfig config = shortConsent(freePort());
        BlockingQueue<IceState> serverStates = new LinkedBlockingQueue<>();
        BlockingQueue<String> atServer = new LinkedBlockingQueue<>();
        BlockingQueue<String> atClient = new LinkedBlockingQueue<>();
        try (SharedUdpPort port = SharedUdpPort.open(config);
                IceTransport server = new IceTransport(port, "server-side",
                        (b, o, l, t) -> atServer.add(new String(b, o, l)), (s, d) -> serverStates.add(s))) {
            IceClientTransport client = new IceClientTransport("client", LOOPBACK,
                    (b, o, l, t) -> atClient.add(new String(b, o, l)), (s, d) -> { });
            server.start(client.localUfrag(), client.localPassword());
            client.connect(server.localUfrag(), server.localPassword(), server.localCandidates());

            assertEquals(IceState.CONNECTED, serverStates.poll(10, TimeUnit.SECONDS));
            assertTrue(server.selectedPair().startsWith("127.0.0.1"), server.selectedPair());
            client.send("hello".getBytes(), 0, 5);
            assertEquals("hello", atServer.poll(5, TimeUnit.SECONDS));
            server.send("world".getBytes(), 0, 5);
            assertEquals("world", atClient.poll(5, TimeUnit.SECONDS));
            // A client that vanishes is noticed by the session from its silence (PeerSession), not here.
            client.close();
        }
    }

    @Test
    void rejectsCandidatesTheServerCannotUse() throws Exception {
        try (SharedUdpPort port = SharedUdpPort.open(shortConsent(freePort()));
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
                        Duration.ofSeconds(10), IceConfig.Limits.DEFAULT));
    }

    /**
     * ice4j reads consent timing once per JVM, so every test here uses the same short timing:
     * whichever runs first sets it.
     */
    private static IceConfig shortConsent(int port) {
        return new IceConfig(LOOPBACK, port, null, List.of(), Duration.ofSeconds(1), Duration.ofSeconds(3),
                IceConfig.Limits.DEFAULT);
    }

    static int freePort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, LOOPBACK)) {
            return s.getLocalPort();
        }
    }
}
