package io.chorus.signalling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.signalling.conference.Room;

/**
 * 200 participants join a room, negotiate a session (ICE agent, mixer input, a downstream encoder
 * opened for them) and go, half by 'leave' and half by dropping the socket like a closed tab; none
 * completes ICE, as a client behind a broken network would not.
 * Threads, file descriptors and resident memory must end where they started. Runs in its own JVM
 * with a fixed, pre-touched heap so that RSS moves only with native and thread memory.
 */
class JoinLeaveLeakTest {
    private static final int WARM_UP = 20;
    /** 200 in the default run; the soak runs 1,000 or more: {@code -Dsoak.cycles=1000}. */
    private static final int CYCLES = Integer.getInteger("soak.cycles", 200);

    @Test
    void twoHundredJoinLeaveCyclesLeaveThreadsFdsAndRssFlat() throws Exception {
        String offer = ConferenceSignallingTest.chromeOffer();
        String offerMessage = new ObjectMapper().createObjectNode().put("type", "offer").put("sdp", offer).toString();
        HttpClient client = HttpClient.newHttpClient();
        try (ChorusServer server = TestServers.start()) {
            URI ws = URI.create("ws://127.0.0.1:" + server.httpAddress().getPort() + "/ws");
            try (TestWebSocket anchor = new TestWebSocket(client, ws)) {
                anchor.send("{\"type\":\"join\",\"room\":\"leak\",\"name\":\"anchor\"}");
                anchor.next("joined");
                Room room = server.conferences().room("leak").orElseThrow();
                Snapshot warm = null;
                for (int i = 0; i < WARM_UP + CYCLES; i++) {
                    if (i == WARM_UP) {
                        warm = settle(room);
                    }
                    try (TestWebSocket member = new TestWebSocket(client, ws)) {
                        member.send("{\"type\":\"join\",\"room\":\"leak\",\"name\":\"m" + i + "\"}");
                        member.next("joined");
                        member.send(offerMessage);
                        member.next("answer");
                        if (i % 2 == 0) {
                            member.send("{\"type\":\"leave\"}");
                            member.next("left");
                        }
                    }
                }
                Snapshot end = settle(room);
                System.out.printf("after %d cycles: %s; after %d: %s%n", WARM_UP, warm, WARM_UP + CYCLES, end);
                assertTrue(end.threads <= warm.threads + 2, "threads grew: " + warm + " -> " + end);
                assertTrue(end.fds <= warm.fds + 5, "file descriptors grew: " + warm + " -> " + end);
                assertTrue(end.rssKib <= warm.rssKib * 1.10, "RSS grew over 10%: " + warm + " -> " + end);
                assertEquals(0, room.mixerStats().videoEncodersOpen(), "no receiver left, so no video encoder");
            }
        }
    }

    private record Snapshot(int threads, long fds, long rssKib) {
        @Override
        public String toString() {
            return threads + " threads, " + fds + " fds, " + rssKib + " KiB RSS";
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
        int threads = (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.getName().startsWith("HttpClient")).count();
        long fds;
        try (Stream<Path> list = Files.list(Path.of("/proc/self/fd"))) {
            fds = list.count();
        }
        long rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();
        return new Snapshot(threads, fds, rss);
    }
}
