package io.chorus.core.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/**
 * A stranger who learns a live ufrag (every participant sees its own) must not be able to make
 * the shared port hold sockets and threads per source address, or stop it for everyone.
 */
class MediaPortFloodTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void bindingRequestsThatFailTheIntegrityCheckFromManyPortsHoldNothing() throws Exception {
        try (SharedUdpPort port = SharedUdpPort.open(config());
                IceTransport victim = new IceTransport(port, "victim", (b, o, l, t) -> { }, (s, d) -> { })) {
            int threadsBefore = threads();
            long fdsBefore = openFiles();
            InetSocketAddress target = port.localAddress();
            for (int i = 0; i < 500; i++) {
                try (DatagramSocket attacker = new DatagramSocket(0, LOOPBACK)) {
                    byte[] forged = StunRequests.binding(victim.localUfrag() + ":x", i % 2 == 0 ? null : "guessed");
                    attacker.send(new DatagramPacket(forged, forged.length, target));
                }
            }
            awaitCount(() -> port.stats().unauthenticatedAddresses(), 500);
            assertTrue(threads() <= threadsBefore + 2, "threads " + threadsBefore + " -> " + threads());
            assertTrue(openFiles() <= fdsBefore + 5, "fds " + fdsBefore + " -> " + openFiles());
            assertConnectsAndExchanges(port);
        }
    }

    @Test
    void authenticatedAddressesAreLimitedPerSessionAndFreedWithIt() throws Exception {
        try (SharedUdpPort port = SharedUdpPort.open(config())) {
            // ice4j starts its shared timers and pools with the first agent of the JVM.
            new IceTransport(port, "warm-up", (b, o, l, t) -> { }, (s, d) -> { }).close();
            int threadsBefore = threads();
            long fdsBefore = openFiles();
            IceTransport victim = new IceTransport(port, "victim", (b, o, l, t) -> { }, (s, d) -> { });
            victim.start("cli", "client-password-22char");
            List<DatagramSocket> senders = new ArrayList<>();
            int answered = 0;
            try {
                for (int i = 0; i < 40; i++) {
                    DatagramSocket sender = new DatagramSocket(0, LOOPBACK);
                    sender.setSoTimeout(i < IceConfig.Limits.DEFAULT.maxRemoteAddresses() ? 3000 : 200);
                    senders.add(sender);
                    byte[] check = StunRequests.binding(victim.localUfrag() + ":cli", victim.localPassword());
                    sender.send(new DatagramPacket(check, check.length, port.localAddress()));
                    if (answeredWithSuccess(sender)) {
                        answered++;
                    }
                }
            } finally {
                senders.forEach(DatagramSocket::close);
            }
            assertEquals(IceConfig.Limits.DEFAULT.maxRemoteAddresses(), answered,
                    "ice4j answers the checks it was handed, and only those");
            assertEquals(40 - IceConfig.Limits.DEFAULT.maxRemoteAddresses(), port.stats().addressesOverLimit());
            victim.close();
            awaitAtMost(MediaPortFloodTest::threads, threadsBefore + 2);
            awaitAtMost(MediaPortFloodTest::openFiles, fdsBefore + 5);
            assertConnectsAndExchanges(port);
        }
    }

    @Test
    void aPacketHandlerThatThrowsCostsOnlyItsOwnPacket() throws Exception {
        try (SharedUdpPort port = SharedUdpPort.open(config())) {
            AtomicBoolean thrown = new AtomicBoolean();
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            BlockingQueue<IceState> states = new LinkedBlockingQueue<>();
            try (IceTransport server = new IceTransport(port, "fragile", (b, o, l, t) -> {
                if (thrown.compareAndSet(false, true)) {
                    throw new StackOverflowError("a bug in a packet handler");
                }
                received.add(new String(b, o, l));
            }, (s, d) -> states.add(s))) {
                IceClientTransport client = new IceClientTransport("client", LOOPBACK, (b, o, l, t) -> { },
                        (s, d) -> { });
                server.start(client.localUfrag(), client.localPassword());
                client.connect(server.localUfrag(), server.localPassword(), server.localCandidates());
                assertEquals(IceState.CONNECTED, states.poll(10, TimeUnit.SECONDS));
                client.send("first".getBytes(), 0, 5);
                awaitCount(() -> port.stats().receiveFailures(), 1);
                client.send("second".getBytes(), 0, 6);
                assertEquals("second", received.poll(5, TimeUnit.SECONDS));
                client.close();
            }
            assertConnectsAndExchanges(port);
        }
    }

    @Test
    void aReceiveThreadThatDiesIsReplacedAndNewSessionsWork() throws Exception {
        SharedUdpPort closedLater;
        try (SharedUdpPort port = SharedUdpPort.open(config())) {
            closedLater = port;
            assertTrue(port.receiving());
            Thread first = kill(port);
            awaitCount(() -> port.stats().receiveLoopRestarts(), 1);
            assertConnectsAndExchanges(port);
            assertTrue(port.receiving(), "the replacement thread counts as receiving");
            // The replacement is watched too: a second death reopens the port again.
            Thread second = kill(port);
            assertTrue(second != first);
            awaitCount(() -> port.stats().receiveLoopRestarts(), 2);
            assertConnectsAndExchanges(port);
            assertTrue(port.receiving());
        }
        assertFalse(closedLater.receiving(), "a closed port is not receiving");
    }

    /** Ends the port's receive thread the way an Error escaping ice4j's own code would; returns it. */
    @SuppressWarnings({"deprecation", "removal"})
    private static Thread kill(SharedUdpPort port) throws Exception {
        String name = "org.ice4j.ice.harvest.AbstractUdpListener thread for " + port.harvester().getLocalAddress();
        Thread receiver = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name))
                .findFirst().orElseThrow();
        receiver.stop();
        // The thread takes the stop when it next leaves its blocking receive.
        try (DatagramSocket nudge = new DatagramSocket(0, LOOPBACK)) {
            nudge.send(new DatagramPacket(new byte[1], 1, port.localAddress()));
        }
        receiver.join(5000);
        assertFalse(receiver.isAlive());
        return receiver;
    }

    private static void assertConnectsAndExchanges(SharedUdpPort port) throws Exception {
        BlockingQueue<IceState> states = new LinkedBlockingQueue<>();
        BlockingQueue<String> atServer = new LinkedBlockingQueue<>();
        try (IceTransport server = new IceTransport(port, "bystander", (b, o, l, t) -> atServer.add(new String(b, o, l)),
                (s, d) -> states.add(s))) {
            IceClientTransport client = new IceClientTransport("bystander-client", LOOPBACK, (b, o, l, t) -> { },
                    (s, d) -> { });
            try {
                server.start(client.localUfrag(), client.localPassword());
                client.connect(server.localUfrag(), server.localPassword(), server.localCandidates());
                assertEquals(IceState.CONNECTED, states.poll(10, TimeUnit.SECONDS), "another session connects");
                client.send("media".getBytes(), 0, 5);
                assertEquals("media", atServer.poll(5, TimeUnit.SECONDS), "and its media arrives");
            } finally {
                client.close();
            }
        }
    }

    private static boolean answeredWithSuccess(DatagramSocket socket) throws Exception {
        byte[] buffer = new byte[1500];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            while (true) {
                socket.receive(packet);
                if (packet.getLength() >= 20 && buffer[0] == 0x01 && buffer[1] == 0x01) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private interface Reading {
        long get() throws Exception;
    }

    private static void awaitCount(Reading reading, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (reading.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, reading.get());
    }

    private static void awaitAtMost(Reading reading, long limit) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (reading.get() > limit && System.nanoTime() < deadline) {
            // ice4j's MultiplexedDatagramSocket never closes the unused socket its superclass opened
            // (one per accepted address); only the JDK's cleaner does, after a collection.
            System.gc();
            Thread.sleep(50);
        }
        assertTrue(reading.get() <= limit, reading.get() + " > " + limit + "; threads now " + threadNames());
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    static String threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList().toString();
    }

    private static long openFiles() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    private static IceConfig config() throws Exception {
        return new IceConfig(LOOPBACK, IceTransportTest.freePort(), null, List.of(), Duration.ofSeconds(1),
                Duration.ofSeconds(3), IceConfig.Limits.DEFAULT);
    }
}
