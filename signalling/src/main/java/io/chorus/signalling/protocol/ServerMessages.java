package io.chorus.signalling.protocol;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the JSON text of every message the server sends. */
public final class ServerMessages {
    /** A participant as listed in {@code joined}. */
    public record ParticipantInfo(String id, String name) {
    }

    private final ObjectMapper mapper;

    public ServerMessages(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String joined(JsonNode id, String room, String participant, List<ParticipantInfo> participants) {
        ObjectNode node = base("joined", id);
        node.put("room", room);
        node.put("participant", participant);
        ArrayNode list = node.putArray("participants");
        for (ParticipantInfo p : participants) {
            list.addObject().put("id", p.id()).put("name", p.name());
        }
        return node.toString();
    }

    public String answer(JsonNode id, String sdp) {
        return base("answer", id).put("sdp", sdp).toString();
    }

    /** A server candidate; {@code candidate} null means the server has no more. */
    public String candidate(String candidate, String sdpMid, int sdpMLineIndex) {
        ObjectNode node = base("candidate", null);
        if (candidate == null) {
            node.putNull("candidate");
        } else {
            node.put("candidate", candidate);
        }
        return node.put("sdpMid", sdpMid).put("sdpMLineIndex", sdpMLineIndex).toString();
    }

    public String left(JsonNode id) {
        return base("left", id).toString();
    }

    public String muted(JsonNode id, boolean audio, boolean video) {
        return base("muted", id).put("audio", audio).put("video", video).toString();
    }

    /** A transport state change of this participant's connection: checking, connected, failed, closed. */
    public String connectionState(String state, String detail) {
        return base("connection-state", null).put("state", state).put("detail", detail).toString();
    }

    public String error(ErrorCode code, String message, JsonNode id) {
        return base("error", id).put("code", code.wire()).put("message", message).toString();
    }

    private ObjectNode base(String type, JsonNode id) {
        ObjectNode node = mapper.createObjectNode();
        node.put("type", type);
        if (id != null && !id.isNull()) {
            node.set("id", id);
        }
        return node;
    }
}
