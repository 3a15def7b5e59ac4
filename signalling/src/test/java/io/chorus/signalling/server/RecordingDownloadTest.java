package io.chorus.signalling.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Recordings leave the server: after its room has closed, and after a restart, a recording is
 * listed, downloaded whole or by ranges (ffprobe reads it straight from the URL, seeking with
 * range requests), and deleted; all with the API key.
 */
class RecordingDownloadTest {
    private static final String SECRET = "token-secret-of-at-least-32-bytes!!";
    private static final String API_KEY = "api-key-of-twenty-chars";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path recordings;

    @Test
    void aRecordingOutlivesItsRoomAndTheServerAndIsServedByRanges() throws Exception {
        String[] flags = {"--auth.enabled=true", "--auth.tokenSecret=" + SECRET, "--auth.apiKey=" + API_KEY,
                "--recording.directory=" + recordings, "--video.width=320", "--video.height=180", "--video.fps=15",
                "--video.tiers=low:320x180@150000"};
        String file;
        try (ChorusServer server = TestServers.start(flags)) {
            URI base = base(server);
            assertEquals(201, call(base, "POST", "/api/rooms", "{\"id\":\"clip\"}", null).statusCode());
            HttpResponse<String> started = call(base, "POST", "/api/rooms/clip/recordings", "{\"format\":\"webm\"}",
                    null);
            assertEquals(201, started.statusCode(), started.body());
            file = MAPPER.readTree(started.body()).get("file").asText();
            JsonNode listed = MAPPER.readTree(call(base, "GET", "/api/recordings", null, null).body());
            assertEquals("recording", listed.at("/recordings/0/state").asText(), listed.toString());
            expect(call(base, "GET", "/api/recordings/" + file + "/file", null, null), 409, "recording-in-progress");
            Thread.sleep(2_000);
            HttpResponse<String> stopped = call(base, "DELETE", "/api/rooms/clip/recordings/r1", null, null);
            assertEquals(200, stopped.statusCode(), stopped.body());
            assertEquals("/api/recordings/" + file + "/file", MAPPER.readTree(stopped.body()).get("download").asText());
            assertEquals(204, call(base, "DELETE", "/api/rooms/clip", null, null).statusCode());

            assertEquals(200, call(base, "GET", "/api/rooms/clip/recordings/r1/file", null, null).statusCode(),
                    "the room's own id for it still finds it after the room closed");
            assertEquals(401, HTTP.send(HttpRequest.newBuilder(base.resolve("/api/recordings/" + file + "/file"))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "downloads need the API key");
        }

        byte[] onDisk = Files.readAllBytes(recordings.resolve(file));
        try (ChorusServer server = TestServers.start(flags)) {
            URI base = base(server);
            JsonNode list = MAPPER.readTree(call(base, "GET", "/api/recordings?room=clip", null, null).body());
            JsonNode entry = list.at("/recordings/0");
            assertEquals(file, entry.get("file").asText(), list.toString());
            assertEquals("finished", entry.get("state").asText());
            assertEquals("clip", entry.get("room").asText());
            assertEquals(onDisk.length, entry.get("bytes").asLong());
            assertTrue(entry.get("durationMs").asLong() >= 1_500, entry.toString());
            assertEquals(0, MAPPER.readTree(call(base, "GET", "/api/recordings?room=other", null, null).body())
                    .get("recordings").size());
            expect(call(base, "GET", "/api/recordings?limit=0", null, null), 400, "invalid-field");

            String download = entry.get("download").asText();
            HttpResponse<byte[]> whole = bytes(base, "GET", download, null);
            assertEquals(200, whole.statusCode());
            assertArrayEquals(onDisk, whole.body());
            assertEquals("video/webm", whole.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElseThrow());
            assertEquals("attachment; filename=\"" + file + "\"",
                    whole.headers().firstValue("Content-Disposition").orElseThrow());

            HttpResponse<byte[]> part = bytes(base, "GET", download, "bytes=10-19");
            assertEquals(206, part.statusCode());
            assertEquals("bytes 10-19/" + onDisk.length, part.headers().firstValue("Content-Range").orElseThrow());
            assertArrayEquals(Arrays.copyOfRange(onDisk, 10, 20), part.body());
            HttpResponse<byte[]> tail = bytes(base, "GET", download, "bytes=-100");
            assertArrayEquals(Arrays.copyOfRange(onDisk, onDisk.length - 100, onDisk.length), tail.body());
            HttpResponse<byte[]> beyond = bytes(base, "GET", download, "bytes=" + onDisk.length + "-");
            assertEquals(416, beyond.statusCode());
            assertEquals("bytes */" + onDisk.length, beyond.headers().firstValue("Content-Range").orElseThrow());
            HttpResponse<byte[]> head = bytes(base, "HEAD", download, null);
            assertEquals(200, head.statusCode());
            assertEquals(String.valueOf(onDisk.length), head.headers().firstValue("Content-Length").orElseThrow());
            assertEquals(0, head.body().length);
            expect(call(base, "POST", download, "{}", null), 405, "method-not-allowed");

            assertEquals("vp8,opus", probe(base.resolve(download)), "a real player reads it from the URL");

            assertEquals(202, call(base, "DELETE", "/api/recordings/" + file, null, null).statusCode());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (Files.exists(recordings.resolve(file)) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(Files.exists(recordings.resolve(file)), "the file is deleted in the background");
            expect(call(base, "GET", download, null, null), 404, "recording-not-found");
            expect(call(base, "DELETE", "/api/recordings/" + file, null, null), 404, "recording-not-found");
            expect(call(base, "GET", "/api/recordings/..%2F..%2Fetc%2Fpasswd/file", null, null), 404,
                    "recording-not-found");
        }
    }

    private static String probe(URI url) throws Exception {
        Process ffprobe = new ProcessBuilder("ffprobe", "-v", "error", "-headers",
                "Authorization: Bearer " + API_KEY + "\r\n", "-show_entries", "stream=codec_name", "-of", "csv=p=0",
                url.toString()).redirectErrorStream(true).start();
        String out = new String(ffprobe.getInputStream().readAllBytes()).strip();
        assertTrue(ffprobe.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, ffprobe.exitValue(), out);
        return String.join(",", out.split("\\s+"));
    }

    private static URI base(ChorusServer server) {
        return URI.create("http://127.0.0.1:" + server.httpAddress().getPort());
    }

    private static void expect(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, MAPPER.readTree(response.body()).get("code").asText());
    }

    private static HttpResponse<String> call(URI base, String method, String path, String body, String range)
            throws Exception {
        return HTTP.send(request(base, method, path, body, range), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> bytes(URI base, String method, String path, String range) throws Exception {
        return HTTP.send(request(base, method, path, null, range), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest request(URI base, String method, String path, String body, String range) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json");
        if (range != null) {
            builder.header("Range", range);
        }
        return builder.build();
    }
}
