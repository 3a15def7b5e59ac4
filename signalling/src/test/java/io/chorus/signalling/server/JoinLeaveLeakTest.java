package io.chorus.signalling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.signalling.conference.Room;

/**
 * After 200 warm-up cycles, 200 more participants join a room, negotiate a session (ICE agent, mixer input, a downstream encoder
 * opened for them) and go, half by 'leave' and half by dropping the socket like a closed tab. One in
 * four completes ICE and DTLS first (SRTP keys, a selected pair, a connected session); the others
 * never complete ICE, as a client behind a broken network would not.
 * Threads, file descriptors and resident memory must end where they started. Runs in its own JVM
 * with a fixed, pre-touched heap so that RSS moves only with native and thread memory.
 */
class JoinLeaveLeakTest {
    /**
     * Cycles before the baseline. The JIT's code cache grows from about 14 to 32 MB and metaspace by
     * 4.6 MB over the first few hundred cycles (measured with -XX:NativeMemoryTracking=summary over
     * 1,000 cycles); a baseline taken earlier counts that warm-up as growth.
     */
    private static final int WARM_UP = 200;
    /** 200 in the default run; the soak runs 1,000 or more: {@code -Dsoak.cycles=1000}. */
    private static final int CYCLES = Integer.getInteger("soak.cycles", 200);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> SHARED_POOLS = List.of("HttpClient", "ice4j.Agent-executor-pool",
            "ice4j.NetAccessManager-pool", "ice4j.StunClientTransaction-executor-pool");
    /** What the shared pools may hold whatever the number of cycles: the peak of concurrent work. */
    private static final int MAX_POOLED_THREADS = 20;
    private static final AtomicInteger CONNECTED = new AtomicInteger();

    @Test
    void twoHundredJoinLeaveCyclesLeaveThreadsFdsAndRssFlat() throws Exception {
        String offer = ConferenceSignallingTest.chromeOffer();
        String offerMessage = MAPPER.createObjectNode().put("type", "offer").put("sdp", offer).toString();
        HttpClient client = HttpClient.newHttpClient();
        // The anchor never offers: the connect deadline must outlast the soak, or it would end the anchor's seat.
        try (ChorusServer server = TestServers.start("--rooms.connectTimeout=10m")) {
            URI ws = URI.create("ws://127.0.0.1:" + server.httpAddress().getPort() + "/ws");
            try (TestWebSocket anchor = new TestWebSocket(client, ws)) {
                anchor.send("{\"type\":\"join\",\"room\":\"leak\",\"name\":\"anchor\"}");
                anchor.next("joined");
                Room room = server.conferences().room("leak").orElseThrow();
                Snapshot warm = null;
                for (int i = 0; i < WARM_UP + CYCLES; i++) {
                    if (i == WARM_UP) {
                        warm = settle(room);
                    } else if (i > WARM_UP && (i - WARM_UP) % 500 == 0) {
                        System.out.printf("after %d cycles: %s%n", i, settle(room));
                    }
                    try (TestWebSocket member = new TestWebSocket(client, ws)) {
                        member.send("{\"type\":\"join\",\"room\":\"leak\",\"name\":\"m" + i + "\"}");
                        member.next("joined");
                        if (i % 8 == 1 || i % 8 == 2) { // one cycle in four: one of them drops the socket, one leaves
                            connect(member, "m" + i, offer);
                        } else {
                            member.send(offerMessage);
                            member.next("answer");
                        }
                        if (i % 2 == 0) {
                            member.send("{\"type\":\"leave\"}");
                            member.next("left");
                        }
                    }
                }
                Snapshot end = settle(room);
                System.out.printf("after %d cycles: %s; after %d (%d completed ICE and DTLS): %s%n", WARM_UP, warm,
                        WARM_UP + CYCLES, CONNECTED.get(), end);
                assertTrue(end.threads <= warm.threads + 2, "threads grew: " + warm + " -> " + end);
                assertTrue(end.pooledThreads <= MAX_POOLED_THREADS, "shared pools grew: " + end);
                assertTrue(end.fds <= warm.fds + 5, "file descriptors grew: " + warm + " -> " + end);
                assertTrue(end.rssKib <= warm.rssKib * 1.10, "RSS grew over 10%: " + warm + " -> " + end);
                assertEquals(0, room.mixerStats().videoEncodersOpen(), "no receiver left, so no video encoder");
            }
        }
    }

    /** Offers, answers and completes ICE and DTLS, then lets the socket's end decide the rest. */
    private static void connect(TestWebSocket member, String name, String chromeOffer) throws Exception {
        try (ConnectingClient media = new ConnectingClient(name)) {
            member.send(MAPPER.createObjectNode().put("type", "offer").put("sdp", media.offer(chromeOffer)).toString());
            String answer = member.next("answer").get("sdp").asText();
            String candidate = member.next("candidate").get("candidate").asText();
            media.connect(answer, candidate, Duration.ofSeconds(15));
            CONNECTED.incrementAndGet();
        }
    }

    private record Snapshot(int threads, int pooledThreads, long fds, long rssKib) {
        @Override
        public String toString() {
            return threads + " threads (+" + pooledThreads + " in shared pools), " + fds + " fds, " + rssKib + " KiB RSS";
        }
    }

    /** Waits until only the anchor is left and the thread count stops falling, then measures. */
    private static Snapshot settle(Room room) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (room.size() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, room.size(), "every member but the anchor is gone");
        int previous = Integer.MAX_VALUE;
        Snapshot now = measure();
        while (now.threads < previous && System.nanoTime() < deadline) {
            previous = now.threads;
            Thread.sleep(1_000);
            System.gc();
            now = measure();
        }
        return now;
    }

    private static Snapshot measure() throws Exception {
        // Counted apart: the test's own HTTP client's pool and ice4j's shared pools, whose idle threads
        // end after a minute and whose size follows the work in flight, not the sessions held.
        int threads = 0;
        int pooled = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (SHARED_POOLS.stream().anyMatch(t.getName()::startsWith)) {
                pooled++;
            } else {
                threads++;
            }
        }
        long fds;
        try (Stream<Path> list = Files.list(Path.of("/proc/self/fd"))) {
            fds = list.count();
        }
        long rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();
        return new Snapshot(threads, pooled, fds, rss);
    }
}
