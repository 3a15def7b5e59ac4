package io.chorus.signalling.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** One receiver's queue and delivery thread against a real HTTP receiver on loopback. */
class WebhookEndpointTest {
    private static final String SECRET = "a-webhook-secret-of-at-least-32-bytes";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private WebhookEndpoint endpoint;
    private int sequence;

    @AfterEach
    void closeAll() throws Exception {
        if (endpoint != null) {
            endpoint.close(System.nanoTime());
        }
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private WebhookEndpoint start(URI url, int queueCapacity, int maxAttempts) {
        WebhookSettings settings = new WebhookSettings(List.of(url), SECRET, Duration.ofSeconds(2), queueCapacity,
                maxAttempts, Duration.ofMillis(200), Duration.ofMillis(400));
        endpoint = new WebhookEndpoint(url, settings, new WebhookSigner(SECRET.getBytes(StandardCharsets.UTF_8)),
                HttpClient.newHttpClient(), MAPPER, Clock.systemUTC(), registry, 0);
        endpoint.start();
        return endpoint;
    }

    private WebhookEvent event(String type) {
        int n = ++sequence;
        return new WebhookEvent("evt_test_" + n, type, Instant.now(),
                () -> MAPPER.createObjectNode().put("room", "demo").put("n", n));
    }

    private double count(String outcome) {
        return registry.get("chorus.webhook.events").tag("outcome", outcome).counter().count();
    }

    private double failedAttempts() {
        return registry.get("chorus.webhook.attempts.failed").counter().count();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void deliversEveryEventSignedAndInOrder() throws Exception {
        SignatureCheckingReceiver receiver = new SignatureCheckingReceiver(SECRET);
        toClose.add(receiver);
        WebhookEndpoint endpoint = start(receiver.url(), 100, 3);
        List<String> types = List.of("room.started", "participant.joined", "participant.left", "room.finished");
        types.forEach(type -> assertTrue(endpoint.offer(event(type))));
        await(() -> receiver.accepted().size() == 4, "four deliveries");
        assertEquals(types, receiver.types());
        assertEquals(List.of(), receiver.refusals());
        assertEquals("http://127.0.0.1:" + receiver.url().getPort(), endpoint.label(), "no path or token in metrics");
        // The receiver keeps an event before it answers; the endpoint counts it once the answer is in.
        await(() -> count("delivered") == 4, "four counted as delivered");
        assertEquals(0, failedAttempts());
    }

    @Test
    void aReceiverThatIsDownForAWhileGetsEverythingOnceItIsBack() throws Exception {
        SignatureCheckingReceiver receiver = SignatureCheckingReceiver.down(SECRET);
        toClose.add(receiver);
        WebhookEndpoint endpoint = start(receiver.url(), 100, 20);
        for (int i = 0; i < 5; i++) {
            endpoint.offer(event("participant.joined"));
        }
        await(() -> failedAttempts() >= 3, "three refused connections");
        receiver.start();
        await(() -> receiver.accepted().size() == 5, "all five after the receiver is back");
        List<Integer> order = receiver.accepted().stream().map(e -> e.get("data").get("n").asInt()).toList();
        assertEquals(List.of(1, 2, 3, 4, 5), order, "still in order");
        await(() -> count("delivered") == 5, "five counted as delivered");
        assertEquals(List.of(), receiver.refusals(), "retries are signed again with a fresh timestamp");
    }

    @Test
    void anEventThatKeepsFailingIsAbandonedAndTheNextOneGoesThrough() throws Exception {
        SignatureCheckingReceiver receiver = new SignatureCheckingReceiver(SECRET);
        toClose.add(receiver);
        receiver.failWhen(e -> e.get("type").asText().equals("poison"));
        WebhookEndpoint endpoint = start(receiver.url(), 100, 3);
        endpoint.offer(event("poison"));
        endpoint.offer(event("room.finished"));
        await(() -> receiver.types().equals(List.of("room.finished")), "the event behind the failing one");
        assertEquals(1, count("abandoned"));
        assertEquals(3, failedAttempts(), "three attempts, then given up");
        assertEquals(4, receiver.requests());
    }

    @Test
    void aFullQueueDropsNewEventsAndCountsThem() throws Exception {
        SignatureCheckingReceiver receiver = SignatureCheckingReceiver.down(SECRET);
        toClose.add(receiver);
        WebhookEndpoint endpoint = start(receiver.url(), 2, 50);
        int refused = 0;
        for (int i = 0; i < 10; i++) {
            refused += endpoint.offer(event("participant.joined")) ? 0 : 1;
        }
        assertTrue(refused >= 7, "at most the queue's 2 and one in flight are taken: " + refused);
        assertEquals(refused, count("dropped"));
        receiver.start();
        int taken = 10 - refused;
        await(() -> count("delivered") == taken, "the events that were taken");
        assertEquals(taken, receiver.accepted().size());
        assertTrue(endpoint.offer(event("room.finished")), "queued again once caught up");
    }

    @Test
    void shutdownGivesQueuedEventsOneAttemptAndDoesNotWaitForADeadReceiver() throws Exception {
        SignatureCheckingReceiver receiver = SignatureCheckingReceiver.down(SECRET);
        toClose.add(receiver);
        WebhookEndpoint endpoint = start(receiver.url(), 100, 100);
        for (int i = 0; i < 3; i++) {
            endpoint.offer(event("room.finished"));
        }
        await(() -> failedAttempts() >= 1, "a first failed attempt");
        long started = System.nanoTime();
        endpoint.close(System.nanoTime() + Duration.ofSeconds(3).toNanos());
        this.endpoint = null;
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMs < 3_000, "close took " + tookMs + " ms");
        assertEquals(3, count("abandoned"));
        assertTrue(!endpoint.offer(event("late")), "nothing is taken after close");
    }
}
