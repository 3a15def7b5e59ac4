package io.chorus.signalling.protocol;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the JSON text of every message the server sends. */
public final class ServerMessages {
    /** A participant as listed in {@code joined} and carried by the participant events. */
    public record ParticipantInfo(String id, String name, boolean audioMuted, boolean videoMuted) {
    }

    /** A STUN or TURN server the client should use, in RTCIceServer's shape. */
    public record IceServerInfo(List<String> urls, String username, String credential) {
        public IceServerInfo {
            urls = List.copyOf(urls);
        }
    }

    /** Everything a client learns about the room when it joins. */
    public record RoomWelcome(String room, String participant, List<ParticipantInfo> participants, String layout,
            String activeSpeaker, List<IceServerInfo> iceServers, TierInfo tier, List<RecordingInfo> recordings,
            List<BroadcastInfo> broadcasts) {
    }

    /** A room recording as members and the API see it; {@code error} is null unless it failed. */
    public record RecordingInfo(String id, String format, String file, String state, long durationMs, String error) {
    }

    /** A broadcast as members and the API see it: {@code url} has its stream key masked. */
    public record BroadcastInfo(String id, String url, String state, String detail, int failures) {
    }

    /** The quality tier of a receiver's downstream video. */
    public record TierInfo(String name, int width, int height, int bitrate) {
    }

    private final ObjectMapper mapper;

    /** What a publisher should send: at most this box, frame rate and bitrate; nothing when not active. */
    public record VideoConstraintsInfo(int maxWidth, int maxHeight, int maxFramerate, long maxBitrate, boolean active) {
    }

    public ServerMessages(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String joined(JsonNode id, RoomWelcome welcome) {
        ObjectNode node = base("joined", id);
        node.put("room", welcome.room());
        node.put("participant", welcome.participant());
        ArrayNode list = node.putArray("participants");
        for (ParticipantInfo p : welcome.participants()) {
            participant(list.addObject(), p);
        }
        if (welcome.layout() != null) {
            node.put("layout", welcome.layout());
        }
        node.put("activeSpeaker", welcome.activeSpeaker());
        ArrayNode servers = node.putArray("iceServers");
        for (IceServerInfo server : welcome.iceServers()) {
            ObjectNode entry = servers.addObject();
            server.urls().forEach(entry.putArray("urls")::add);
            if (server.username() != null) {
                entry.put("username", server.username());
            }
            if (server.credential() != null) {
                entry.put("credential", server.credential());
            }
        }
        if (welcome.tier() != null) {
            tier(node.putObject("tier"), welcome.tier());
        }
        ArrayNode recordings = node.putArray("recordings");
        welcome.recordings().forEach(r -> recording(recordings.addObject(), r));
        ArrayNode broadcasts = node.putArray("broadcasts");
        welcome.broadcasts().forEach(b -> broadcast(broadcasts.addObject(), b));
        return node.toString();
    }

    /** A recording started, finished or failed. */
    public String recording(RecordingInfo recording) {
        ObjectNode node = base("recording", null);
        recording(node.putObject("recording"), recording);
        return node.toString();
    }

    /** A broadcast changed state (connecting, live, reconnecting, stopped, failed). */
    public String broadcast(BroadcastInfo broadcast) {
        ObjectNode node = base("broadcast", null);
        broadcast(node.putObject("broadcast"), broadcast);
        return node.toString();
    }

    /** The JSON of a recording, shared by the protocol and the REST API. */
    public static ObjectNode recording(ObjectNode node, RecordingInfo r) {
        node.put("id", r.id()).put("format", r.format()).put("file", r.file()).put("state", r.state())
                .put("durationMs", r.durationMs());
        if (r.error() != null) {
            node.put("error", r.error());
        }
        return node;
    }

    /** The JSON of a broadcast, shared by the protocol and the REST API. */
    public static ObjectNode broadcast(ObjectNode node, BroadcastInfo b) {
        node.put("id", b.id()).put("url", b.url()).put("state", b.state()).put("failures", b.failures());
        if (!b.detail().isEmpty()) {
            node.put(b.state().equals("reconnecting") || b.state().equals("failed") ? "error" : "detail", b.detail());
        }
        return node;
    }

    public String participantJoined(ParticipantInfo participant) {
        ObjectNode node = base("participant-joined", null);
        participant(node.putObject("participant"), participant);
        return node.toString();
    }

    public String participantUpdated(ParticipantInfo participant) {
        ObjectNode node = base("participant-updated", null);
        participant(node.putObject("participant"), participant);
        return node.toString();
    }

    public String participantLeft(String participantId) {
        return base("participant-left", null).put("participant", participantId).toString();
    }

    /** {@code participantId} null: nobody is speaking. */
    public String activeSpeaker(String participantId) {
        return base("active-speaker", null).put("participant", participantId).toString();
    }

    public String layout(String layout) {
        return base("layout", null).put("layout", layout).toString();
    }

    /** The server moved this receiver's downstream video to another tier. */
    public String tier(TierInfo tier) {
        ObjectNode node = base("tier", null);
        tier(node.putObject("tier"), tier);
        return node.toString();
    }

    /** How large the room shows this participant's camera, so that it sends no more than that. */
    public String videoConstraints(VideoConstraintsInfo c) {
        return base("video-constraints", null).put("maxWidth", c.maxWidth()).put("maxHeight", c.maxHeight())
                .put("maxFramerate", c.maxFramerate()).put("maxBitrate", c.maxBitrate()).put("active", c.active())
                .toString();
    }

    /** The room was ended (by the API or on shutdown); the server closes the socket after this. */
    public String roomClosed(String reason) {
        return base("room-closed", null).put("reason", reason).toString();
    }

    private static void participant(ObjectNode node, ParticipantInfo p) {
        node.put("id", p.id()).put("name", p.name()).put("audioMuted", p.audioMuted()).put("videoMuted", p.videoMuted());
    }

    private static void tier(ObjectNode node, TierInfo tier) {
        node.put("name", tier.name()).put("width", tier.width()).put("height", tier.height())
                .put("bitrate", tier.bitrate());
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
