package io.chorus.signalling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.signalling.auth.JoinTokens;
import io.chorus.signalling.conference.Role;

/**
 * Auth switched on (join tokens, API key on the REST API and metrics), the server's limits (room
 * size, room count, rooms created only through the API), the empty-room grace period, and what
 * /metrics exports.
 */
class AuthAndLimitsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";
    private static final String API_KEY = "test-api-key-7f3a";

    @Test
    void withAuthOnJoinsNeedAValidTokenForThatRoomAndName() throws Exception {
        try (ChorusServer server = TestServers.start("--auth.enabled=true", "--auth.tokenSecret=" + SECRET,
                "--auth.apiKey=" + API_KEY)) {
            URI ws = ws(server);
            JoinTokens tokens = new JoinTokens(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
            try (TestWebSocket client = new TestWebSocket(ws)) {
                expectJoinError(client, null, "auth-required");
                expectJoinError(client, "not.a.token", "invalid-token");
                JoinTokens otherSecret = new JoinTokens("another-secret-another-secret-another".getBytes(
                        StandardCharsets.UTF_8), Clock.systemUTC());
                expectJoinError(client, otherSecret.mint("r1", "Ada", Duration.ofMinutes(5)), "invalid-token");
                JoinTokens past = new JoinTokens(SECRET.getBytes(StandardCharsets.UTF_8),
                        Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC));
                expectJoinError(client, past.mint("r1", "Ada", Duration.ofMinutes(5)), "token-expired");
                expectJoinError(client, tokens.mint("r2", "Ada", Duration.ofMinutes(5)), "token-mismatch");
                expectJoinError(client, tokens.mint("r1", "Bob", Duration.ofMinutes(5)), "token-mismatch");

                client.send(join("r1", "Ada", tokens.mint("r1", "Ada", Duration.ofMinutes(5), 200_000)));
                JsonNode joined = client.next("joined");
                assertEquals("low", joined.get("tier").get("name").asText(), "the token's maxBitrate caps the tier");
            }
        }
    }

    @Test
    void aTokenAdmitsAsManySessionsAtOnceAsItHasSeats() throws Exception {
        try (ChorusServer server = TestServers.start("--auth.enabled=true", "--auth.tokenSecret=" + SECRET,
                "--auth.apiKey=" + API_KEY)) {
            JoinTokens tokens = new JoinTokens(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
            String token = tokens.mint("r1", "Ada", Duration.ofMinutes(5));
            try (TestWebSocket first = new TestWebSocket(ws(server));
                    TestWebSocket copy = new TestWebSocket(ws(server))) {
                first.send(join("r1", "Ada", token));
                first.next("joined");
                expectJoinError(copy, token, "token-in-use");
                first.send("{\"type\":\"leave\"}");
                first.next("left");
                copy.send(join("r1", "Ada", token));
                assertEquals("joined", copy.next("joined").get("type").asText(), "the seat is free once the first left");
            }
            String kiosk = tokens.mint("r1", "Ada", Duration.ofMinutes(5), null, 2, Role.PARTICIPANT);
            try (TestWebSocket a = new TestWebSocket(ws(server)); TestWebSocket b = new TestWebSocket(ws(server));
                    TestWebSocket c = new TestWebSocket(ws(server))) {
                a.send(join("r1", "Ada", kiosk));
                a.next("joined");
                b.send(join("r1", "Ada", kiosk));
                b.next("joined");
                expectJoinError(c, kiosk, "token-in-use");
            }
            HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(http(server).resolve("/metrics"))
                    .header("Authorization", "Bearer " + API_KEY).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(metrics.body().contains("chorus_http_refused_total{reason=\"token-in-use\"} 2.0"));
        }
    }

    @Test
    void withAuthOnTheApiAndMetricsNeedTheKeyAndTokensCanBeMinted() throws Exception {
        try (ChorusServer server = TestServers.start("--auth.enabled=true", "--auth.tokenSecret=" + SECRET,
                "--auth.apiKey=" + API_KEY)) {
            URI base = http(server);
            assertEquals(200, get(base, "/api/health", null).statusCode(), "health stays open for probes");
            assertEquals(200, get(base, "/api/ready", null).statusCode(), "so does readiness");
            HttpResponse<String> refused = get(base, "/api/rooms", null);
            assertEquals(401, refused.statusCode());
            assertEquals("unauthorized", MAPPER.readTree(refused.body()).get("code").asText());
            assertEquals(401, get(base, "/api/rooms", "Bearer wrong-key").statusCode());
            assertEquals(401, get(base, "/metrics", null).statusCode());
            assertEquals(200, get(base, "/api/rooms", "Bearer " + API_KEY).statusCode());
            assertEquals(200, get(base, "/metrics", "Bearer " + API_KEY).statusCode());

            HttpResponse<String> minted = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/tokens"))
                    .header("Authorization", "Bearer " + API_KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"room\":\"r9\",\"name\":\"Cy\",\"ttlSeconds\":60}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, minted.statusCode(), minted.body());
            String token = MAPPER.readTree(minted.body()).get("token").asText();
            try (TestWebSocket client = new TestWebSocket(ws(server))) {
                client.send(join("r9", "Cy", token));
                assertEquals("r9", client.next("joined").get("room").asText());
            }
        }
    }

    @Test
    void roomSizeRoomCountAndApiOnlyRoomsAreEnforced() throws Exception {
        try (ChorusServer server = TestServers.start("--rooms.maxParticipants=2", "--rooms.maxRooms=1",
                "--rooms.createOnJoin=false")) {
            URI ws = ws(server);
            try (TestWebSocket a = new TestWebSocket(ws); TestWebSocket b = new TestWebSocket(ws);
                    TestWebSocket c = new TestWebSocket(ws)) {
                expectJoinError(a, "nowhere", null, "room-not-found");
                assertEquals(201, post(http(server), "/api/rooms", "{\"id\":\"only\"}").statusCode());
                assertEquals(503, post(http(server), "/api/rooms", "{\"id\":\"second\"}").statusCode());
                a.send(join("only", "A", null));
                a.next("joined");
                b.send(join("only", "B", null));
                b.next("joined");
                expectJoinError(c, "only", null, "room-full");
                b.send("{\"type\":\"leave\"}");
                b.next("left");
                c.send(join("only", "C", null));
                assertEquals("joined", c.next("joined").get("type").asText(), "a free place can be taken");
            }
        }
    }

    @Test
    void aRoomOpenedByAJoinClosesAfterItsGracePeriodOnceEmpty() throws Exception {
        try (ChorusServer server = TestServers.start("--rooms.emptyRoomGrace=300ms", "--rooms.maxRooms=1")) {
            try (TestWebSocket a = new TestWebSocket(ws(server))) {
                a.send(join("brief", "A", null));
                a.next("joined");
                a.send("{\"type\":\"leave\"}");
                a.next("left");
                assertTrue(server.conferences().room("brief").isPresent(), "still open during the grace period");
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (server.conferences().room("brief").isPresent() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertTrue(server.conferences().room("brief").isEmpty(), "closed after the grace period");
                a.send(join("another", "A", null));
                assertEquals("joined", a.next("joined").get("type").asText(), "its slot under maxRooms is free again");
            }
        }
    }

    @Test
    void metricsExportRoomsParticipantsAndTheMixersHealth() throws Exception {
        try (ChorusServer server = TestServers.start(); TestWebSocket a = new TestWebSocket(ws(server))) {
            a.send(join("measured", "A", null));
            a.next("joined");
            HttpResponse<String> metrics = get(http(server), "/metrics", null);
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
            String body = metrics.body();
            assertTrue(body.contains("chorus_rooms 1.0"), body);
            assertTrue(body.contains("chorus_participants 1.0"), body);
            assertTrue(body.contains("chorus_room_participants{room=\"measured\"} 1.0"), body);
            assertTrue(body.contains("chorus_mixer_overruns_total{kind=\"video\",room=\"measured\"}"), body);
            assertTrue(body.contains("chorus_mixer_audio_decodes_skipped_total{room=\"measured\"}"), body);
            assertTrue(body.contains("chorus_mixer_composes_skipped_total{room=\"measured\"}"), body);
            assertTrue(body.contains("chorus_joins_total 1.0"), body);
            assertTrue(body.contains("jvm_threads_live_threads"), body);
            server.conferences().delete("measured", "test");
            String after = get(http(server), "/metrics", null).body();
            assertTrue(!after.contains("room=\"measured\""), "a closed room leaves no series behind");
        }
    }

    private static void expectJoinError(TestWebSocket client, String token, String code) throws Exception {
        expectJoinError(client, "r1", token, code);
    }

    private static void expectJoinError(TestWebSocket client, String room, String token, String code)
            throws Exception {
        client.send(join(room, "Ada", token));
        JsonNode reply = client.next("error");
        assertEquals(code, reply.get("code").asText(), reply.toString());
    }

    private static String join(String room, String name, String token) {
        var node = MAPPER.createObjectNode().put("type", "join").put("room", room).put("name", name);
        if (token != null) {
            node.put("token", token);
        }
        return node.toString();
    }

    private static URI ws(ChorusServer server) {
        return URI.create("ws://127.0.0.1:" + server.httpAddress().getPort() + "/ws");
    }

    private static URI http(ChorusServer server) {
        return URI.create("http://127.0.0.1:" + server.httpAddress().getPort());
    }

    private static HttpResponse<String> get(URI base, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI base, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
