package io.chorus.signalling.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.chorus.signalling.e2e.UdpImpairmentRelay.Impairment;

/**
 * The relay on real loopback sockets: a client, the relay, and an echoing server. The client reads
 * on its own thread while it sends, so no datagram is lost to a full socket buffer.
 */
class UdpImpairmentRelayTest {
    private DatagramSocket server;
    private DatagramSocket client;
    private UdpImpairmentRelay relay;
    private Thread echo;
    private Thread reader;
    /** {sequence number, round trip in microseconds} of every datagram that came back, in arrival order. */
    private final List<long[]> arrivals = Collections.synchronizedList(new ArrayList<>());
    private final long[] sentAt = new long[2000];

    @BeforeEach
    void start() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        server = new DatagramSocket(new InetSocketAddress(loopback, 0));
        client = new DatagramSocket(new InetSocketAddress(loopback, 0));
        relay = new UdpImpairmentRelay(new InetSocketAddress(loopback, server.getLocalPort()), 42);
        echo = loop(() -> {
            byte[] buffer = new byte[64];
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            server.receive(p);
            server.send(new DatagramPacket(buffer, p.getLength(), p.getSocketAddress()));
        });
        reader = loop(() -> {
            byte[] b = new byte[16];
            DatagramPacket p = new DatagramPacket(b, b.length);
            client.receive(p);
            int seq = ByteBuffer.wrap(b, 0, 4).getInt();
            arrivals.add(new long[] {seq, (System.nanoTime() - sentAt[seq]) / 1000});
        });
    }

    @AfterEach
    void stop() throws Exception {
        relay.close();
        server.close();
        client.close();
        echo.join(2_000);
        reader.join(2_000);
    }

    @Test
    void unimpairedForwardsEveryDatagramBothWaysInOrder() throws Exception {
        sendAll(0, 300);
        List<Integer> back = arrived(300);
        assertEquals(300, back.size());
        for (int i = 0; i < back.size(); i++) {
            assertEquals(i, back.get(i));
        }
        assertEquals(new UdpImpairmentRelay.Counts(300, 0, 0, 300), relay.upstream());
        assertEquals(new UdpImpairmentRelay.Counts(300, 0, 0, 300), relay.downstream());
    }

    @Test
    void lossDropsAboutTheGivenShareInEachDirection() throws Exception {
        relay.impair(new Impairment(0.2, Duration.ZERO, 0));
        sendAll(0, 1000);
        int back = arrived(1000).size();
        // Both legs lose 20%: 64% come back; 5 standard deviations of a binomial(1000, 0.64) either side.
        assertTrue(back > 640 - 76 && back < 640 + 76, "round trips that survived: " + back);
        UdpImpairmentRelay.Counts up = relay.upstream();
        assertEquals(1000, up.received());
        assertEquals(up.received() - up.dropped(), up.sent());
        assertTrue(up.dropped() > 200 - 64 && up.dropped() < 200 + 64, "dropped upstream: " + up.dropped());
        assertEquals(up.sent(), relay.downstream().received());
    }

    @Test
    void jitterDelaysByUpToTwiceItsValueAndReorders() throws Exception {
        relay.impair(new Impairment(0, Duration.ofMillis(20), 0));
        sendAll(0, 200);
        List<Integer> order = arrived(200);
        assertEquals(200, order.stream().distinct().count());
        long outOfOrder = 0;
        for (int i = 1; i < order.size(); i++) {
            if (order.get(i) < order.get(i - 1)) {
                outOfOrder++;
            }
        }
        assertTrue(outOfOrder > 10, "reordered arrivals: " + outOfOrder);
        // Two legs of 0-40 ms each: a round trip of 0-80 ms, 40 ms on the median. A loaded machine
        // only adds to that, so the lower bounds are the firm ones.
        long[] rtt;
        synchronized (arrivals) {
            rtt = arrivals.stream().mapToLong(a -> a[1]).sorted().toArray();
        }
        long medianMs = rtt[rtt.length / 2] / 1000;
        long maxMs = rtt[rtt.length - 1] / 1000;
        assertTrue(medianMs >= 25 && medianMs < 120, "median round trip " + medianMs + " ms");
        assertTrue(maxMs >= 55, "largest round trip " + maxMs + " ms");
    }

    @Test
    void duplicationSendsCopies() throws Exception {
        relay.impair(new Impairment(0, Duration.ZERO, 0.5));
        sendAll(0, 200);
        int got = arrived(400).size();
        UdpImpairmentRelay.Counts up = relay.upstream();
        UdpImpairmentRelay.Counts down = relay.downstream();
        assertEquals(200 + up.duplicated(), up.sent());
        assertEquals(up.sent() + down.duplicated(), got);
        assertTrue(up.duplicated() > 60 && up.duplicated() < 140, "duplicated upstream: " + up.duplicated());
    }

    @Test
    void aCutDropsEverythingUntilItEnds() throws Exception {
        sendAll(0, 1);
        assertEquals(List.of(0), arrived(1));
        relay.cutFor(Duration.ofMillis(700));
        sendAll(1, 1);
        Thread.sleep(500);
        assertEquals(List.of(0), arrived(1), "a datagram crossed a cut link");
        Thread.sleep(400);
        sendAll(2, 1);
        assertEquals(List.of(0, 2), arrived(2));
    }

    /** Sends datagrams numbered {@code first} to {@code first + count - 1}, a little under 10 a millisecond. */
    private void sendAll(int first, int count) throws Exception {
        InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), relay.port());
        for (int seq = first; seq < first + count; seq++) {
            sentAt[seq] = System.nanoTime();
            client.send(new DatagramPacket(ByteBuffer.allocate(4).putInt(seq).array(), 4, to));
            if (seq % 10 == 9) {
                Thread.sleep(1);
            }
        }
    }

    /**
     * The numbers that came back in arrival order, once {@code expected} have or nothing more came
     * for 300 ms.
     */
    private List<Integer> arrived(int expected) throws InterruptedException {
        int seen = -1;
        long quietSince = System.nanoTime();
        while (arrivals.size() < expected && System.nanoTime() - quietSince < 300_000_000L) {
            if (arrivals.size() != seen) {
                seen = arrivals.size();
                quietSince = System.nanoTime();
            }
            Thread.sleep(10);
        }
        Thread.sleep(arrivals.size() >= expected ? 50 : 0); // late duplicates
        synchronized (arrivals) {
            return arrivals.stream().map(a -> (int) a[0]).toList();
        }
    }

    private interface IoStep {
        void run() throws Exception;
    }

    /** Runs {@code step} until its socket is closed. */
    private static Thread loop(IoStep step) {
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    step.run();
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
