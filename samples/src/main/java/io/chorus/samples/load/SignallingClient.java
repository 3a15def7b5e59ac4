package io.chorus.samples.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One participant's signalling WebSocket (docs/protocol.md): sends JSON messages and queues every
 * message the server sends, in order, for the participant to take when its call setup needs them;
 * messages the server may send at any time during the call go to a handler instead, if one is set.
 */
final class SignallingClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> inbox;
    private final Map<String, Consumer<JsonNode>> handlers;

    private SignallingClient(WebSocket socket, Receiver receiver) {
        this.socket = socket;
        this.inbox = receiver.inbox;
        this.handlers = receiver.handlers;
    }

    static SignallingClient connect(HttpClient http, URI ws) throws IOException {
        Receiver receiver = new Receiver();
        WebSocket socket;
        try {
            socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(ws, receiver)
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("cannot open " + ws + ": " + e.getMessage(), e);
        }
        return new SignallingClient(socket, receiver);
    }

    /**
     * Hands every later message of this type to {@code handler}, on the socket's thread, instead of
     * queueing it.
     */
    void onMessage(String type, Consumer<JsonNode> handler) {
        handlers.put(type, handler);
    }

    static ObjectNode message(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    void send(ObjectNode message) throws IOException {
        try {
            socket.sendText(JSON.writeValueAsString(message), true).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("cannot send " + message.path("type").asText() + ": " + e.getMessage(), e);
        }
    }

    /** The next message of this type; others before it are dropped. An {@code error} message throws. */
    JsonNode await(String type, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode next = next(deadline);
            if (type.equals(next.path("type").asText())) {
                return next;
            }
        }
    }

    /** The next message of any type, waiting until the deadline ({@link System#nanoTime}). */
    JsonNode next(long deadlineNanos) throws IOException, InterruptedException {
        JsonNode next = inbox.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (next == null) {
            throw new IOException("no message from the server in time");
        }
        if ("error".equals(next.path("type").asText())) {
            throw new IOException("server error " + next.path("code").asText() + ": " + next.path("message").asText());
        }
        return next;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }

    /** Joins text fragments into whole messages and queues them. */
    private static final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        private final Map<String, Consumer<JsonNode>> handlers = new ConcurrentHashMap<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    Consumer<JsonNode> handler = handlers.get(message.path("type").asText());
                    if (handler != null) {
                        handler.accept(message);
                    } else {
                        inbox.add(message);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("the server sent text that is not JSON: " + partial, e);
                } finally {
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
