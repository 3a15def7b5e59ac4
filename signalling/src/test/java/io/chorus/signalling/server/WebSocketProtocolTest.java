package io.chorus.signalling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The WebSocket contract against a real server over loopback: every bad message gets an error with
 * a stable code (and the echoed id), and the connection stays usable afterwards.
 */
class WebSocketProtocolTest {
    private static ChorusServer server;
    private static URI ws;
    private static URI http;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start();
        ws = URI.create("ws://127.0.0.1:" + server.httpAddress().getPort() + "/ws");
        http = URI.create("http://127.0.0.1:" + server.httpAddress().getPort());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void badMessagesGetErrorsAndTheConnectionStaysUsable() throws Exception {
        try (TestWebSocket client = new TestWebSocket(ws)) {
            expectError(client, "not json at all", "invalid-json", null);
            expectError(client, "{\"type\":\"teleport\",\"id\":\"a1\"}", "unknown-type", "a1");
            expectError(client, "{\"type\":\"join\",\"name\":\"x\",\"id\":2}", "missing-field", "2");
            expectError(client, "{\"type\":\"join\",\"room\":\"no/slash\",\"name\":\"x\"}", "invalid-room", null);
            expectError(client, "{\"type\":\"offer\",\"sdp\":\"v=0\",\"id\":3}", "not-joined", "3");
            expectError(client, "{\"type\":\"candidate\",\"candidate\":null}", "not-joined", null);
            expectError(client, "{\"type\":\"join\",\"room\":\"lobby\",\"name\":\"x\",\"maxBitrate\":\"fast\"}",
                    "invalid-field", null);
            expectError(client, "{\"type\":\"join\",\"room\":\"lobby\",\"name\":\"x\",\"maxBitrate\":5}",
                    "invalid-field", null);
            String huge = "{\"type\":\"offer\",\"sdp\":\"" + "a".repeat(70 * 1024) + "\",\"id\":4}";
            expectError(client, huge, "message-too-large", null);

            client.send("{\"type\":\"join\",\"room\":\"echo\",\"name\":\"Ada\",\"id\":5}");
            JsonNode joined = client.next();
            assertEquals("joined", joined.get("type").asText(), joined.toString());
            assertEquals(5, joined.get("id").asInt());
            assertEquals("echo", joined.get("room").asText());
            String me = joined.get("participant").asText();
            assertEquals(me, joined.get("participants").get(0).get("id").asText());
            assertEquals("Ada", joined.get("participants").get(0).get("name").asText());

            expectError(client, "{\"type\":\"join\",\"room\":\"echo\",\"name\":\"Ada\"}", "already-joined", null);
            expectError(client, "{\"type\":\"offer\",\"sdp\":\"this is not sdp\",\"id\":6}", "invalid-sdp", "6");
            expectError(client, "{\"type\":\"candidate\",\"candidate\":\"candidate:garbage\"}",
                    "invalid-candidate", null);

            client.send("{\"type\":\"mute\",\"video\":true,\"id\":7}");
            JsonNode muted = client.next();
            assertEquals("muted", muted.get("type").asText());
            assertTrue(muted.get("video").asBoolean());
            assertEquals(false, muted.get("audio").asBoolean());

            client.send("{\"type\":\"leave\",\"id\":8}");
            assertEquals("left", client.next().get("type").asText());
            assertTrue(server.echoRoom().participants().isEmpty(), "leave releases the participant");
            assertNull(client.closeStatus(), "the server never closed the connection");
        }
    }

    @Test
    void closingTheSocketReleasesTheParticipant() throws Exception {
        try (TestWebSocket client = new TestWebSocket(ws)) {
            client.send("{\"type\":\"join\",\"room\":\"echo\",\"name\":\"Bo\"}");
            String id = client.next("joined").get("participant").asText();
            assertTrue(server.echoRoom().participants().containsKey(id));
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!server.echoRoom().participants().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(server.echoRoom().participants().isEmpty());
    }

    @Test
    void servesTheEchoPageAndNothingOutsideTheWebFolder() throws Exception {
        HttpClient httpClient = HttpClient.newHttpClient();
        HttpResponse<String> page = httpClient.send(HttpRequest.newBuilder(http.resolve("/echo.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("chorusEcho"));
        assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        for (String path : new String[] {"/../pom.xml", "/%2e%2e/pom.xml", "/logback.xml", "/nope.html"}) {
            HttpResponse<String> r = httpClient.send(HttpRequest.newBuilder(URI.create(http + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, r.statusCode(), path);
        }
    }

    private static void expectError(TestWebSocket client, String message, String code, String id) throws Exception {
        client.send(message);
        JsonNode reply = client.next();
        assertEquals("error", reply.get("type").asText(), reply.toString());
        assertEquals(code, reply.get("code").asText(), reply.toString());
        assertTrue(reply.get("message").asText().length() > 5, "a human-readable message");
        if (id != null) {
            assertEquals(id, reply.get("id").asText());
        }
    }
}
