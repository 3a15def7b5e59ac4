package io.chorus.signalling.webhook;

import java.time.Instant;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One event as every receiver gets it: the same id and body for all of them and for every retry.
 * The body is written by the first delivery thread that needs it, not by the room's thread that
 * raised the event, since part of it (a recording's size) is read from the disk.
 */
final class WebhookEvent {
    private final String id;
    private final String type;
    private final Instant at;
    private final Supplier<ObjectNode> data;
    private byte[] body;

    WebhookEvent(String id, String type, Instant at, Supplier<ObjectNode> data) {
        this.id = id;
        this.type = type;
        this.at = at;
        this.data = data;
    }

    String id() {
        return id;
    }

    String type() {
        return type;
    }

    /** {@code {"id", "type", "timestamp", "data"}}, the payload shape of the Standard Webhooks scheme. */
    synchronized byte[] body(ObjectMapper mapper) {
        if (body == null) {
            ObjectNode json = mapper.createObjectNode();
            json.put("id", id).put("type", type).put("timestamp", at.toString()).set("data", data.get());
            try {
                body = mapper.writeValueAsBytes(json);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a tree of plain JSON nodes always serialises", e);
            }
        }
        return body;
    }

    @Override
    public String toString() {
        return type + " " + id;
    }
}
