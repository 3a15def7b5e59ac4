package io.chorus.signalling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What one hostile client may try on the HTTP/WebSocket port (issue 16, findings 2-4): pages of
 * other sites driving the server, bodies that are not JSON, sockets held open, floods of
 * messages, replies never read. Each is refused or closed, counted in /metrics, and leaves the
 * server serving everyone else: a {@link MediaWitness} in a room of its own still receives its media.
 */
class HostileClientsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void pagesOfOtherSitesMayNotUseTheWebSocketTheApiOrTheMetrics() throws Exception {
        try (ChorusServer server = TestServers.start("--http.allowedOrigins=https://meet.example.com");
                MediaWitness witness = MediaWitness.join(server)) {
            int port = server.httpAddress().getPort();
            String self = "127.0.0.1:" + port;
            assertEquals(403, upgradeStatus(port, self, "https://evil.example"));
            assertEquals(403, upgradeStatus(port, "evil.example:" + port, "http://evil.example:" + port),
                    "a page reached by a name that now points here (DNS rebinding) is not the server's own");
            assertEquals(101, upgradeStatus(port, self, "http://" + self), "the server's own page");
            assertEquals(101, upgradeStatus(port, "localhost:" + port, "http://localhost:" + port));
            assertEquals(101, upgradeStatus(port, self, "https://meet.example.com"), "an allowed origin");
            assertEquals(101, upgradeStatus(port, self, null), "no Origin: not a browser, judged by auth alone");

            assertEquals(403, post(port, "/api/rooms", "{\"id\":\"stolen\"}", "https://evil.example").statusCode());
            assertEquals(403, get(port, "/metrics", "https://evil.example").statusCode());
            assertEquals(201, post(port, "/api/rooms", "{\"id\":\"mine\"}", "http://" + self).statusCode());
            assertEquals(200, get(port, "/echo.html", "https://evil.example").statusCode(), "pages themselves stay public");
            assertTrue(metrics(port).contains("chorus_http_refused_total{reason=\"foreign-origin\"} 4.0"),
                    metrics(port));
            witness.assertReceiving("after the cross-site requests");
        }
    }

    @Test
    void restBodiesMustBeJson() throws Exception {
        try (ChorusServer server = TestServers.start()) {
            int port = server.httpAddress().getPort();
            HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(api(port, "/api/rooms"))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"r\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(415, form.statusCode(), form.body());
            assertTrue(form.body().contains("unsupported-media-type"), form.body());
            HttpResponse<String> none = HTTP.send(HttpRequest.newBuilder(api(port, "/api/rooms"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"r\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(415, none.statusCode(), "no Content-Type at all");
            assertEquals(201, post(port, "/api/rooms", "{\"id\":\"r\"}", null).statusCode());
            assertTrue(metrics(port).contains("chorus_http_refused_total{reason=\"not-json\"} 2.0"));
        }
    }

    @Test
    void oneAddressCannotHoldEveryConnection() throws Exception {
        // Five: the witness holds one of them.
        try (ChorusServer server = TestServers.start("--http.maxConnectionsPerAddress=5");
                MediaWitness witness = MediaWitness.join(server)) {
            int port = server.httpAddress().getPort();
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    sockets.add(RawWebSocket.socket(port, 64 * 1024));
                }
                // Two event loops admit connections, so which of the five is refused is not fixed.
                List<Socket> open = new ArrayList<>();
                for (Socket s : sockets) {
                    if (!closedWithin(s, 1000)) {
                        open.add(s);
                    }
                }
                assertEquals(4, open.size(), "one of the five connections is closed at once");
                open.get(0).close();
                boolean upgraded = false;
                for (int attempt = 0; attempt < 20 && !upgraded; attempt++) {
                    Thread.sleep(100);
                    Socket again = RawWebSocket.socket(port, 64 * 1024);
                    sockets.add(again);
                    upgraded = RawWebSocket.upgrade(again, "127.0.0.1:" + port, null).contains(" 101 ");
                }
                assertTrue(upgraded, "a freed seat is taken again");
            } finally {
                for (Socket s : sockets) {
                    s.close();
                }
            }
            Thread.sleep(300);
            assertTrue(metrics(port).contains("chorus_http_refused_total{reason=\"too-many-from-address\"}"),
                    metrics(port));
            assertFalse(metrics(port).contains("chorus_http_refused_total{reason=\"too-many-from-address\"} 0.0"));
            witness.assertReceiving("after one address tried to hold every connection");
        }
    }

    private static boolean closedWithin(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            return socket.getInputStream().read() < 0;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } finally {
            socket.setSoTimeout(10_000);
        }
    }

    @Test
    void aFloodOfMessagesClosesTheConnectionWithPolicyViolation() throws Exception {
        try (ChorusServer server = TestServers.start("--http.maxMessagesPerSecond=5");
                MediaWitness witness = MediaWitness.join(server)) {
            int port = server.httpAddress().getPort();
            try (RawWebSocket client = new RawWebSocket(port, 64 * 1024)) {
                for (int i = 0; i < 30; i++) {
                    client.sendText("{\"type\":\"mute\",\"audio\":true}");
                }
                assertEquals(1008, client.awaitClose());
            }
            assertTrue(metrics(port).contains("chorus_http_refused_total{reason=\"too-many-messages\"} 1.0"),
                    metrics(port));
            witness.assertReceiving("after the flood of messages");
        }
    }

    @Test
    void aConnectionThatNeverJoinsIsClosed() throws Exception {
        try (ChorusServer server = TestServers.start("--http.joinTimeout=1s")) {
            int port = server.httpAddress().getPort();
            long start = System.nanoTime();
            try (RawWebSocket client = new RawWebSocket(port, 64 * 1024)) {
                assertEquals(1008, client.awaitClose());
            }
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(tookMs >= 900 && tookMs < 5000, "closed after " + tookMs + " ms");
            assertTrue(metrics(port).contains("chorus_http_refused_total{reason=\"never-joined\"} 1.0"));
        }
    }

    @Test
    void aClientThatDoesNotReadIsClosedBeforeItsRepliesPileUp() throws Exception {
        try (ChorusServer server = TestServers.start("--http.maxMessagesPerSecond=10000",
                "--http.maxPendingReplyBytes=65536"); MediaWitness witness = MediaWitness.join(server)) {
            int port = server.httpAddress().getPort();
            try (RawWebSocket client = new RawWebSocket(port, 4096)) {
                // Each draws an error reply of about 100 bytes, which the client never reads.
                boolean closed = false;
                for (int i = 0; i < 200_000 && !closed; i++) {
                    try {
                        client.sendText("{\"type\":\"nonsense\"}");
                    } catch (IOException e) {
                        closed = true;
                    }
                }
                assertTrue(closed || client.closedByServer(), "the server closed the connection");
            }
            Thread.sleep(200);
            assertTrue(metrics(port).contains("chorus_http_refused_total{reason=\"slow-reader\"} 1.0"), metrics(port));
            assertEquals(200, get(port, "/api/health", null).statusCode(), "the server serves others");
            witness.assertReceiving("after a client that did not read");
        }
    }

    private static int upgradeStatus(int port, String host, String origin) throws IOException {
        try (Socket socket = RawWebSocket.socket(port, 64 * 1024)) {
            String status = RawWebSocket.upgrade(socket, host, origin);
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private static HttpResponse<String> post(int port, String path, String json, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api(port, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(int port, String path, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api(port, path));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String metrics(int port) throws Exception {
        return get(port, "/metrics", null).body();
    }

    private static URI api(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
