package io.chorus.signalling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Moderation with auth on, through a real server: tokens carry the role, a participant's
 * moderation requests are refused, a moderator's are carried out and everybody hears them; a kicked
 * member is told and disconnected; a locked room admits only moderators; the REST API kicks and
 * locks as well.
 */
class ModerationTest {
    private static final String SECRET = "token-secret-of-at-least-32-bytes!!";
    private static final String API_KEY = "api-key-of-twenty-chars";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path recordings;

    @Test
    void moderatorsModerateAndOthersMayNot() throws Exception {
        try (ChorusServer server = TestServers.start("--auth.enabled=true", "--auth.tokenSecret=" + SECRET,
                "--auth.apiKey=" + API_KEY, "--recording.directory=" + recordings, "--video.width=320",
                "--video.height=180", "--video.fps=15", "--video.tiers=low:320x180@150000");
                TestWebSocket mod = socket(server); TestWebSocket ann = socket(server);
                TestWebSocket bob = socket(server)) {
            URI base = URI.create("http://127.0.0.1:" + server.httpAddress().getPort());
            JsonNode modJoined = join(mod, base, "hall", "Mod", "moderator");
            assertEquals("moderator", modJoined.get("role").asText());
            assertFalse(modJoined.get("locked").asBoolean());
            JsonNode annJoined = join(ann, base, "hall", "Ann", null);
            assertEquals("participant", annJoined.get("role").asText());
            String annId = annJoined.get("participant").asText();
            String bobId = join(bob, base, "hall", "Bob", null).get("participant").asText();

            for (String request : new String[] {"{\"type\":\"set-layout\",\"layout\":\"speaker\",\"id\":1}",
                    "{\"type\":\"kick\",\"participant\":\"" + bobId + "\",\"id\":1}",
                    "{\"type\":\"lock\",\"locked\":true,\"id\":1}",
                    "{\"type\":\"start-recording\",\"format\":\"webm\",\"id\":1}",
                    "{\"type\":\"update-participant\",\"participant\":\"" + bobId + "\",\"audioMuted\":true,\"id\":1}"}) {
                ann.send(request);
                JsonNode refused = ann.next("error");
                assertEquals("not-moderator", refused.get("code").asText(), request);
                assertEquals(1, refused.get("id").asInt());
            }

            mod.send("{\"type\":\"set-layout\",\"layout\":\"speaker\",\"id\":\"a\"}");
            assertEquals("set-layout", mod.next("done").get("request").asText());
            assertEquals("speaker", ann.next("layout").get("layout").asText());

            mod.send("{\"type\":\"update-participant\",\"participant\":\"" + annId + "\",\"audioMuted\":true}");
            mod.next("done");
            JsonNode muted = bob.next("participant-updated").get("participant");
            assertEquals(annId, muted.get("id").asText());
            assertTrue(muted.get("audioMuted").asBoolean());

            mod.send("{\"type\":\"start-recording\",\"format\":\"webm\"}");
            JsonNode started = mod.next("done").get("recording");
            assertEquals("recording", started.get("state").asText());
            mod.send("{\"type\":\"stop-recording\",\"recording\":\"" + started.get("id").asText() + "\"}");
            assertEquals("stop-recording", mod.next("done").get("request").asText());

            mod.send("{\"type\":\"kick\",\"participant\":\"" + bobId + "\"}");
            mod.next("done");
            bob.next("kicked");
            JsonNode left = ann.next("participant-left");
            assertEquals(bobId, left.get("participant").asText());
            assertEquals("kicked", left.get("reason").asText());
            awaitClosed(bob);

            mod.send("{\"type\":\"lock\",\"locked\":true}");
            mod.next("done");
            assertTrue(ann.next("room-locked").get("locked").asBoolean());
            try (TestWebSocket carl = socket(server); TestWebSocket mod2 = socket(server)) {
                carl.send(joinMessage("hall", "Carl", token(base, "hall", "Carl", null)));
                assertEquals("room-locked", carl.next("error").get("code").asText());
                assertTrue(join(mod2, base, "hall", "Mod2", "moderator").get("locked").asBoolean(),
                        "a moderator joins a locked room");
            }
            JsonNode room = MAPPER.readTree(call(base, "GET", "/api/rooms/hall", null).body());
            assertTrue(room.get("locked").asBoolean());

            assertEquals(200, call(base, "PUT", "/api/rooms/hall/lock", "{\"locked\":false}").statusCode());
            assertFalse(ann.next("room-locked").get("locked").asBoolean());
            assertEquals(204, call(base, "DELETE", "/api/rooms/hall/participants/" + annId, null).statusCode());
            ann.next("kicked");
            assertEquals(404, call(base, "DELETE", "/api/rooms/hall/participants/" + annId, null).statusCode());
            String metrics = call(base, "GET", "/metrics", null).body();
            assertTrue(metrics.contains("chorus_leaves_total{reason=\"kicked\"} 2.0"), metrics);
        }
    }

    @Test
    void withAuthOffEveryoneModeratesAndLockingIsRefused() throws Exception {
        try (ChorusServer server = TestServers.start("--video.width=320", "--video.height=180", "--video.fps=15",
                "--video.tiers=low:320x180@150000"); TestWebSocket member = socket(server)) {
            URI base = URI.create("http://127.0.0.1:" + server.httpAddress().getPort());
            member.send(joinMessage("open", "Ann", null));
            assertEquals("moderator", member.next("joined").get("role").asText());
            member.send("{\"type\":\"set-layout\",\"layout\":\"speaker\"}");
            member.next("done");
            member.send("{\"type\":\"lock\",\"locked\":true}");
            assertEquals("auth-disabled", member.next("error").get("code").asText());
            HttpResponse<String> refused = call(base, "PUT", "/api/rooms/open/lock", "{\"locked\":true}");
            assertEquals(409, refused.statusCode());
            assertEquals("auth-disabled", MAPPER.readTree(refused.body()).get("code").asText());
        }
    }

    private static TestWebSocket socket(ChorusServer server) throws Exception {
        return new TestWebSocket(URI.create("ws://127.0.0.1:" + server.httpAddress().getPort() + "/ws"));
    }

    private static JsonNode join(TestWebSocket socket, URI base, String room, String name, String role)
            throws Exception {
        socket.send(joinMessage(room, name, token(base, room, name, role)));
        return socket.next("joined");
    }

    private static String token(URI base, String room, String name, String role) throws Exception {
        var body = MAPPER.createObjectNode().put("room", room).put("name", name);
        if (role != null) {
            body.put("role", role);
        }
        HttpResponse<String> minted = call(base, "POST", "/api/tokens", body.toString());
        assertEquals(201, minted.statusCode(), minted.body());
        JsonNode token = MAPPER.readTree(minted.body());
        assertEquals(role == null ? "participant" : role, token.get("role").asText());
        return token.get("token").asText();
    }

    private static String joinMessage(String room, String name, String token) {
        var node = MAPPER.createObjectNode().put("type", "join").put("room", room).put("name", name);
        if (token != null) {
            node.put("token", token);
        }
        return node.toString();
    }

    private static void awaitClosed(TestWebSocket socket) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (socket.closeStatus() == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1000, socket.closeStatus(), "the kicked member's socket is closed");
    }

    private static HttpResponse<String> call(URI base, String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
