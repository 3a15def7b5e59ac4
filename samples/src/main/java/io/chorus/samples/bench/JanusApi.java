package io.chorus.samples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Janus session over the plain HTTP API (JSON POSTs to /janus, events by long poll). Requests
 * are made one at a time: a plugin request that Janus answers only with an {@code ack} is followed
 * by polling the session until the event carrying the same transaction arrives; other events
 * (notices to the other participants of a room) are skipped.
 */
final class JanusApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong transactions = new AtomicLong();
    private final URI session;

    JanusApi(URI api) throws IOException, InterruptedException {
        JsonNode created = post(api, request("create"));
        this.session = URI.create(api + "/" + created.path("data").path("id").asLong());
    }

    /** Attaches a new handle to {@code plugin} and returns its id. */
    long attach(String plugin) throws IOException, InterruptedException {
        ObjectNode attach = request("attach");
        attach.put("plugin", plugin);
        return post(session, attach).path("data").path("id").asLong();
    }

    /**
     * Sends {@code body} to the plugin behind {@code handle} and returns the plugin's answer
     * ({@code plugindata.data}), given at once or in the event that follows an {@code ack}.
     */
    JsonNode message(long handle, ObjectNode body) throws IOException, InterruptedException {
        ObjectNode message = request("message");
        message.set("body", body);
        String transaction = message.get("transaction").asText();
        JsonNode reply = post(URI.create(session + "/" + handle), message);
        if ("ack".equals(reply.path("janus").asText())) {
            reply = awaitEvent(transaction);
        }
        JsonNode data = reply.path("plugindata").path("data");
        if (data.has("error")) {
            throw new IOException("janus plugin error: " + data);
        }
        return data;
    }

    ObjectNode body(String request) {
        return json.createObjectNode().put("request", request);
    }

    private JsonNode awaitEvent(String transaction) throws IOException, InterruptedException {
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(session + "?maxev=10"))
                    .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode events = json.readTree(r.body());
            for (JsonNode event : events.isArray() ? events : json.createArrayNode().add(events)) {
                if (transaction.equals(event.path("transaction").asText())) {
                    return event;
                }
            }
        }
    }

    private ObjectNode request(String janus) {
        return json.createObjectNode().put("janus", janus).put("transaction", "t" + transactions.incrementAndGet());
    }

    private JsonNode post(URI uri, ObjectNode body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode reply = json.readTree(r.body());
        if (r.statusCode() != 200 || "error".equals(reply.path("janus").asText())) {
            throw new IOException("janus answered " + r.statusCode() + " to " + body.path("janus").asText() + ": "
                    + r.body());
        }
        return reply;
    }
}
