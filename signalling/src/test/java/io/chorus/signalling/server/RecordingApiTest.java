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
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Recording and broadcast controls through the REST API of a real server: files land in the
 * configured directory and probe with the expected codecs, members hear each state change, and
 * every refusal has its status and code.
 */
class RecordingApiTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path recordings;

    @Test
    void aRoomIsRecordedToWebmAndMp4AndMembersHearIt() throws Exception {
        Path directory = recordings.resolve("made-on-first-use");
        try (ChorusServer server = TestServers.start("--recording.directory=" + directory, "--video.width=320",
                "--video.height=180", "--video.fps=15", "--video.tiers=low:320x180@150000")) {
            URI base = URI.create("http://127.0.0.1:" + server.httpAddress().getPort());
            try (TestWebSocket member = new TestWebSocket(URI.create("ws://127.0.0.1:" + server.httpAddress().getPort()
                    + "/ws"))) {
                member.send("{\"type\":\"join\",\"room\":\"taped\",\"name\":\"Mo\"}");
                member.next("joined");
                for (String format : List.of("webm", "mp4")) {
                    HttpResponse<String> started = call(base, "POST", "/api/rooms/taped/recordings",
                            "{\"format\":\"" + format + "\"}");
                    assertEquals(201, started.statusCode(), started.body());
                    JsonNode recording = MAPPER.readTree(started.body());
                    String id = recording.get("id").asText();
                    assertEquals("recording", recording.get("state").asText());
                    assertTrue(recording.get("file").asText().matches("taped-\\d{8}T\\d{6}Z(-\\d+)?\\." + format),
                            recording.toString());
                    JsonNode event = member.next("recording").get("recording");
                    assertEquals(id, event.get("id").asText());
                    assertEquals("recording", event.get("state").asText());
                    JsonNode listed = MAPPER.readTree(call(base, "GET", "/api/rooms/taped", null).body());
                    assertEquals(id, listed.get("recordings").get(0).get("id").asText());

                    Thread.sleep(3_000);
                    HttpResponse<String> stopped = call(base, "DELETE", "/api/rooms/taped/recordings/" + id, null);
                    assertEquals(200, stopped.statusCode(), stopped.body());
                    JsonNode result = MAPPER.readTree(stopped.body());
                    assertEquals("finished", result.get("state").asText(), result.toString());
                    assertTrue(result.get("durationMs").asLong() >= 2_000, result.toString());
                    Path file = directory.resolve(result.get("file").asText());
                    assertEquals(Files.size(file), result.get("bytes").asLong());
                    assertEquals(format.equals("webm") ? "vp8,opus" : "h264,aac", codecs(file));
                    assertEquals("finished", member.next("recording").get("recording").get("state").asText());
                }
                assertEquals(404, call(base, "DELETE", "/api/rooms/taped/recordings/r99", null).statusCode());
                expect(call(base, "POST", "/api/rooms/taped/recordings", "{\"format\":\"avi\"}"), 400, "invalid-field");
                expect(call(base, "POST", "/api/rooms/taped/recordings", "{}"), 400, "missing-field");
                expect(call(base, "POST", "/api/rooms/nope/recordings", "{\"format\":\"webm\"}"), 404, "room-not-found");
            }
        }
    }

    @Test
    void anUnusableRecordingDirectoryIsAClearError() throws Exception {
        Path notADirectory = Files.writeString(recordings.resolve("plain-file"), "x");
        try (ChorusServer server = TestServers.start("--recording.directory=" + notADirectory)) {
            URI base = URI.create("http://127.0.0.1:" + server.httpAddress().getPort());
            assertEquals(201, call(base, "POST", "/api/rooms", "{\"id\":\"nowhere\"}").statusCode());
            HttpResponse<String> refused = call(base, "POST", "/api/rooms/nowhere/recordings", "{\"format\":\"webm\"}");
            expect(refused, 500, "recording-failed");
            assertTrue(refused.body().contains(notADirectory.toString()), refused.body());
        }
    }

    @Test
    void broadcastsAreStartedListedAndStoppedWithTheirKeyMasked() throws Exception {
        try (ChorusServer server = TestServers.start("--video.width=320", "--video.height=180", "--video.fps=15",
                "--video.tiers=low:320x180@150000")) {
            URI base = URI.create("http://127.0.0.1:" + server.httpAddress().getPort());
            try (TestWebSocket member = new TestWebSocket(URI.create("ws://127.0.0.1:" + server.httpAddress().getPort()
                    + "/ws"))) {
                member.send("{\"type\":\"join\",\"room\":\"onair\",\"name\":\"Bo\"}");
                member.next("joined");
                expect(call(base, "POST", "/api/rooms/onair/broadcasts", "{\"url\":\"http://127.0.0.1/x\"}"), 400,
                        "invalid-field");
                // Nothing listens on port 9: the broadcast keeps retrying and says so.
                HttpResponse<String> started = call(base, "POST", "/api/rooms/onair/broadcasts",
                        "{\"url\":\"rtmp://127.0.0.1:9/live/secret-stream-key\"}");
                assertEquals(201, started.statusCode(), started.body());
                assertTrue(!started.body().contains("secret-stream-key"), "the stream key is masked: " + started.body());
                String id = MAPPER.readTree(started.body()).get("id").asText();
                JsonNode event;
                do {
                    event = member.next("broadcast").get("broadcast");
                } while (!event.get("state").asText().equals("reconnecting"));
                assertTrue(event.get("error").asText().length() > 3, event.toString());
                JsonNode listed = MAPPER.readTree(call(base, "GET", "/api/rooms/onair", null).body());
                assertEquals(id, listed.get("broadcasts").get(0).get("id").asText());
                HttpResponse<String> stopped = call(base, "DELETE", "/api/rooms/onair/broadcasts/" + id, null);
                assertEquals(200, stopped.statusCode(), stopped.body());
                assertEquals("stopped", MAPPER.readTree(stopped.body()).get("state").asText());
                assertEquals(404, call(base, "DELETE", "/api/rooms/onair/broadcasts/" + id, null).statusCode());
            }
        }
    }

    private static void expect(HttpResponse<String> reply, int status, String code) throws Exception {
        assertEquals(status, reply.statusCode(), reply.body());
        assertEquals(code, MAPPER.readTree(reply.body()).get("code").asText(), reply.body());
    }

    private static HttpResponse<String> call(URI base, String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The file's stream codecs as ffprobe names them, comma-separated. */
    private static String codecs(Path file) throws Exception {
        Process ffprobe = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "stream=codec_name", "-of",
                "csv=p=0", file.toString()).redirectErrorStream(true).start();
        String out = new String(ffprobe.getInputStream().readAllBytes()).strip();
        assertTrue(ffprobe.waitFor(30, TimeUnit.SECONDS));
        return String.join(",", out.split("\\s+"));
    }
}
