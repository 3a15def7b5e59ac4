package io.chorus.signalling.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A JDK WebSocket client that queues every text message the server sends. */
final class TestWebSocket implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final WebSocket socket;
    private volatile Integer closeStatus;

    TestWebSocket(URI uri) throws Exception {
        this(HttpClient.newHttpClient(), uri);
    }

    /** On a shared client, so that many connections do not each start the client's threads. */
    TestWebSocket(HttpClient client, URI uri) throws Exception {
        socket = client.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    received.add(partial.toString());
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closeStatus = statusCode;
                return null;
            }
        }).get(5, TimeUnit.SECONDS);
    }

    void send(String text) throws Exception {
        socket.sendText(text, true).get(5, TimeUnit.SECONDS);
    }

    JsonNode next() throws Exception {
        String text = received.poll(10, TimeUnit.SECONDS);
        if (text == null) {
            throw new AssertionError("no message from the server within 10 s (close status " + closeStatus + ")");
        }
        return MAPPER.readTree(text);
    }

    /** The next message of the given type, skipping others (e.g. trickled candidates). */
    JsonNode next(String type) throws Exception {
        for (int i = 0; i < 50; i++) {
            JsonNode message = next();
            if (type.equals(message.path("type").asText())) {
                return message;
            }
        }
        throw new AssertionError("no '" + type + "' message among the next 50");
    }

    Integer closeStatus() {
        return closeStatus;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
