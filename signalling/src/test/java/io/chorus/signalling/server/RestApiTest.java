package io.chorus.signalling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The REST API against a real server: every route, every refusal with its status and code. */
class RestApiTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ChorusServer server;
    private static URI base;
    private static URI ws;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start();
        base = URI.create("http://127.0.0.1:" + server.httpAddress().getPort());
        ws = URI.create("ws://127.0.0.1:" + server.httpAddress().getPort() + "/ws");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthSaysOk() throws Exception {
        Reply health = call("GET", "/api/health", null);
        assertEquals(200, health.status);
        assertEquals("ok", health.json.get("status").asText());
        assertTrue(health.json.has("rooms") && health.json.has("participants"));
    }

    @Test
    void readyWhileTheMediaPortReceives() throws Exception {
        Reply ready = call("GET", "/api/ready", null);
        assertEquals(200, ready.status);
        assertEquals("{\"ready\":true,\"checks\":{\"mediaPort\":\"ok\"}}", ready.json.toString());
    }

    @Test
    void roomsCanBeCreatedListedReadAndDeleted() throws Exception {
        Reply created = call("POST", "/api/rooms",
                "{\"id\":\"crud-1\",\"layout\":\"speaker\",\"video\":{\"width\":640,\"height\":360,\"fps\":15}}");
        assertEquals(201, created.status, created.text);
        assertEquals("crud-1", created.json.get("id").asText());
        assertEquals("speaker", created.json.get("layout").asText());
        assertEquals(640, created.json.get("video").get("width").asInt());
        assertEquals(15, created.json.get("video").get("fps").asInt());
        assertEquals("api", created.json.get("createdBy").asText());
        JsonNode tiers = created.json.get("outputs").get("video");
        for (JsonNode tier : tiers) {
            assertTrue(tier.get("width").asInt() <= 640, "no tier larger than the canvas: " + tiers);
        }

        assertEquals(409, call("POST", "/api/rooms", "{\"id\":\"crud-1\"}").status);
        Reply list = call("GET", "/api/rooms", null);
        assertTrue(list.text.contains("\"crud-1\""), list.text);
        Reply detail = call("GET", "/api/rooms/crud-1", null);
        assertEquals(200, detail.status);
        assertTrue(detail.json.get("participants").isArray());
        assertTrue(detail.json.get("recordings").isArray());
        assertTrue(detail.json.get("broadcasts").isArray());

        assertEquals(204, call("DELETE", "/api/rooms/crud-1", null).status);
        assertEquals(404, call("GET", "/api/rooms/crud-1", null).status);
        assertEquals(404, call("DELETE", "/api/rooms/crud-1", null).status);
    }

    @Test
    void deletingARoomTellsAndDisconnectsItsMembers() throws Exception {
        try (TestWebSocket member = new TestWebSocket(ws)) {
            member.send("{\"type\":\"join\",\"room\":\"doomed\",\"name\":\"Di\"}");
            member.next("joined");
            Reply detail = call("GET", "/api/rooms/doomed", null);
            assertEquals("join", detail.json.get("createdBy").asText());
            assertEquals("Di", detail.json.get("participants").get(0).get("name").asText());
            assertEquals(204, call("DELETE", "/api/rooms/doomed", null).status);
            JsonNode closed = member.next("room-closed");
            assertTrue(closed.get("reason").asText().contains("API"));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (member.closeStatus() == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1000, member.closeStatus(), "the server closed the socket normally");
        }
    }

    @Test
    void layoutCanBeNamedOrCustomAndMembersHearIt() throws Exception {
        try (TestWebSocket member = new TestWebSocket(ws)) {
            member.send("{\"type\":\"join\",\"room\":\"layouts\",\"name\":\"Lu\"}");
            member.next("joined");
            Reply speaker = call("PUT", "/api/rooms/layouts/layout", "{\"layout\":\"speaker\"}");
            assertEquals(200, speaker.status, speaker.text);
            assertEquals("speaker", member.next("layout").get("layout").asText());
            Reply custom = call("PUT", "/api/rooms/layouts/layout", "{\"layout\":\"custom\",\"regions\":["
                    + "{\"x\":\"0\",\"y\":\"0\",\"width\":\"1/2\",\"height\":1,\"z\":0},"
                    + "{\"x\":0.5,\"y\":\"0\",\"width\":\"1/2\",\"height\":\"1/2\",\"z\":1}]}");
            assertEquals(200, custom.status, custom.text);
            assertEquals("custom", member.next("layout").get("layout").asText());
            assertEquals("1/2", call("GET", "/api/rooms/layouts", null).json.get("regions").get(1).get("x").asText());

            expect(call("PUT", "/api/rooms/layouts/layout", "{\"layout\":\"mosaic\"}"), 400, "invalid-field");
            expect(call("PUT", "/api/rooms/layouts/layout", "{\"layout\":\"custom\"}"), 400, "invalid-field");
            expect(call("PUT", "/api/rooms/layouts/layout",
                    "{\"layout\":\"custom\",\"regions\":[{\"x\":\"3/4\",\"y\":0,\"width\":\"1/2\",\"height\":1}]}"),
                    400, "invalid-field");
            expect(call("PUT", "/api/rooms/layouts/layout", "{}"), 400, "missing-field");
        }
    }

    @Test
    void participantsCanBeMutedAndTheirGainSet() throws Exception {
        try (TestWebSocket member = new TestWebSocket(ws); TestWebSocket other = new TestWebSocket(ws)) {
            member.send("{\"type\":\"join\",\"room\":\"moderated\",\"name\":\"Mo\"}");
            String id = member.next("joined").get("participant").asText();
            other.send("{\"type\":\"join\",\"room\":\"moderated\",\"name\":\"Ot\"}");
            other.next("joined");
            Reply muted = call("PUT", "/api/rooms/moderated/participants/" + id,
                    "{\"audioMuted\":true,\"gainDb\":-6.5}");
            assertEquals(200, muted.status, muted.text);
            assertTrue(muted.json.get("audioMuted").asBoolean());
            assertEquals(-6.5, muted.json.get("gainDb").asDouble());
            JsonNode heard = other.next("participant-updated");
            assertEquals(id, heard.get("participant").get("id").asText());
            assertTrue(heard.get("participant").get("audioMuted").asBoolean());
            assertFalse(heard.get("participant").get("videoMuted").asBoolean());

            expect(call("PUT", "/api/rooms/moderated/participants/" + id, "{\"gainDb\":90}"), 400, "invalid-field");
            expect(call("PUT", "/api/rooms/moderated/participants/" + id, "{\"audioMuted\":\"yes\"}"), 400,
                    "invalid-field");
            expect(call("PUT", "/api/rooms/moderated/participants/" + id, "{}"), 400, "missing-field");
            expect(call("PUT", "/api/rooms/moderated/participants/p999", "{\"audioMuted\":true}"), 404,
                    "participant-not-found");
        }
    }

    @Test
    void badRequestsGetJsonErrorsWithTheRightStatus() throws Exception {
        expect(call("GET", "/api/nothing-here", null), 404, "not-found");
        expect(call("GET", "/api/rooms/nope", null), 404, "room-not-found");
        expect(call("PATCH", "/api/rooms", "{}"), 405, "method-not-allowed");
        expect(call("POST", "/api/health", "{}"), 405, "method-not-allowed");
        expect(call("POST", "/api/rooms", "{not json"), 400, "invalid-json");
        expect(call("POST", "/api/rooms", "[1,2]"), 400, "invalid-json");
        expect(call("POST", "/api/rooms", null), 400, "invalid-json");
        expect(call("POST", "/api/rooms", "{\"layout\":\"grid\"}"), 400, "missing-field");
        expect(call("POST", "/api/rooms", "{\"id\":\"has space\"}"), 400, "invalid-room");
        expect(call("POST", "/api/rooms", "{\"id\":\"" + "x".repeat(65) + "\"}"), 400, "invalid-room");
        expect(call("POST", "/api/rooms", "{\"id\":\"echo\"}"), 409, "room-exists");
        Reply odd = call("POST", "/api/rooms", "{\"id\":\"odd\",\"video\":{\"width\":641}}");
        expect(odd, 400, "invalid-field");
        assertEquals("'video.width' must be an even number of pixels from 16 to 3840, got 641",
                odd.json.get("message").asText(), "the mixer's own limit, under the API's field name");
        expect(call("POST", "/api/rooms", "{\"id\":\"fast\",\"video\":{\"fps\":500}}"), 400, "invalid-field");
        expect(call("POST", "/api/rooms", "{\"id\":\"v\",\"video\":\"big\"}"), 400, "invalid-field");
    }

    private static void expect(Reply reply, int status, String code) {
        assertEquals(status, reply.status, reply.text);
        assertEquals(code, reply.json.get("code").asText(), reply.text);
        assertTrue(reply.json.get("message").asText().length() > 5, reply.text);
        assertTrue(reply.contentType.startsWith("application/json"), reply.contentType);
    }

    private record Reply(int status, String text, JsonNode json, String contentType) {
    }

    static Reply call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? null : MAPPER.readTree(response.body());
        return new Reply(response.statusCode(), response.body(), json,
                response.headers().firstValue("content-type").orElse(""));
    }
}
