package io.chorus.signalling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.signalling.webhook.SignatureCheckingReceiver;

/**
 * A real server posts a room's life to a receiver that checks every signature: the room, a member,
 * a recording and a broadcast, in the order they happened, with the finished file's real size.
 */
class WebhookServerTest {
    private static final String SECRET = "webhook-secret-of-at-least-32-bytes!";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path recordings;

    @Test
    void aRoomsLifeReachesTheReceiverSignedAndInOrder() throws Exception {
        try (SignatureCheckingReceiver receiver = new SignatureCheckingReceiver(SECRET);
                ChorusServer server = TestServers.start("--webhooks.urls=" + receiver.url(),
                        "--webhooks.secret=" + SECRET, "--rooms.emptyRoomGrace=300ms",
                        "--recording.directory=" + recordings, "--video.width=320", "--video.height=180",
                        "--video.fps=15", "--video.tiers=low:320x180@150000")) {
            int port = server.httpAddress().getPort();
            URI base = URI.create("http://127.0.0.1:" + port);
            String participantId;
            Path file;
            try (TestWebSocket member = new TestWebSocket(URI.create("ws://127.0.0.1:" + port + "/ws"))) {
                member.send("{\"type\":\"join\",\"room\":\"hooked\",\"name\":\"Mo\"}");
                participantId = member.next("joined").get("participant").asText();
                HttpResponse<String> started = call(base, "POST", "/api/rooms/hooked/recordings",
                        "{\"format\":\"webm\"}");
                assertEquals(201, started.statusCode(), started.body());
                String recordingId = MAPPER.readTree(started.body()).get("id").asText();
                Thread.sleep(1_500);
                HttpResponse<String> stopped = call(base, "DELETE", "/api/rooms/hooked/recordings/" + recordingId, null);
                assertEquals(200, stopped.statusCode(), stopped.body());
                file = recordings.resolve(MAPPER.readTree(stopped.body()).get("file").asText());
                // Nothing listens on port 9: the broadcast goes from connecting to reconnecting.
                HttpResponse<String> broadcast = call(base, "POST", "/api/rooms/hooked/broadcasts",
                        "{\"url\":\"rtmp://127.0.0.1:9/live/stream-key-never-sent\"}");
                assertEquals(201, broadcast.statusCode(), broadcast.body());
                String broadcastId = MAPPER.readTree(broadcast.body()).get("id").asText();
                await(() -> receiver.types().contains("broadcast.changed")
                        && receiver.accepted().stream().anyMatch(e -> "reconnecting".equals(
                                e.at("/data/broadcast/state").asText())), receiver);
                assertEquals(200, call(base, "DELETE", "/api/rooms/hooked/broadcasts/" + broadcastId, null)
                        .statusCode());
            }
            await(() -> receiver.types().contains("room.finished"), receiver);

            assertEquals(List.of(), receiver.refusals());
            List<JsonNode> events = receiver.accepted();
            List<String> lifecycle = receiver.types().stream().filter(t -> !t.equals("broadcast.changed")).toList();
            assertEquals(List.of("room.started", "participant.joined", "recording.started", "recording.finished",
                    "participant.left", "room.finished"), lifecycle);
            for (JsonNode event : events) {
                assertEquals("hooked", event.at("/data/room").asText(), event.toString());
                assertTrue(event.get("id").asText().startsWith("evt_"), event.toString());
            }
            assertEquals(events.size(), events.stream().map(e -> e.get("id").asText()).distinct().count(),
                    "every event has its own id");
            JsonNode joined = byType(events, "participant.joined");
            assertEquals(participantId, joined.at("/data/participant/id").asText());
            assertEquals("Mo", joined.at("/data/participant/name").asText());
            JsonNode left = byType(events, "participant.left");
            assertEquals("Mo", left.at("/data/participant/name").asText(), left.toString());
            JsonNode finished = byType(events, "recording.finished");
            assertEquals(Files.size(file), finished.at("/data/recording/bytes").asLong(), finished.toString());
            assertEquals("/api/recordings/" + file.getFileName() + "/file", finished.at("/data/recording/download").asText());
            assertEquals("webm", finished.at("/data/recording/format").asText());
            assertTrue(finished.at("/data/recording/durationMs").asLong() >= 1_000, finished.toString());
            assertTrue(events.stream().noneMatch(e -> e.toString().contains("stream-key-never-sent")),
                    "broadcast URLs reach webhooks with their stream key masked");
            String metrics = call(base, "GET", "/metrics", null).body();
            assertTrue(metrics.contains("chorus_webhook_events_total{outcome=\"delivered\",receiver=\"http://127.0.0.1:"),
                    metrics);
        }
    }

    private static JsonNode byType(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.get("type").asText().equals(type)).findFirst().orElseThrow();
    }

    private static void await(BooleanSupplier condition, SignatureCheckingReceiver receiver)
            throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("webhooks received so far: " + receiver.types() + ", refused: "
                        + receiver.refusals());
            }
            Thread.sleep(50);
        }
    }

    private static HttpResponse<String> call(URI base, String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).method(method, publisher)
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
