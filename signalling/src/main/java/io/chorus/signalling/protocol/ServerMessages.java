package io.chorus.signalling.protocol;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.chorus.signalling.conference.BroadcastStatus;
import io.chorus.signalling.conference.ChatMessage;
import io.chorus.signalling.conference.MemberInfo;
import io.chorus.signalling.conference.PublishConstraints;
import io.chorus.signalling.conference.RecordingStatus;
import io.chorus.signalling.conference.RoomEvent;
import io.chorus.signalling.conference.VideoTier;
import io.chorus.signalling.conference.Welcome;

/** Builds the JSON text of every message the server sends (docs/protocol.md). */
public final class ServerMessages {
    /** A STUN or TURN server the client should use, in RTCIceServer's shape. */
    public record IceServerInfo(List<String> urls, String username, String credential) {
        public IceServerInfo {
            urls = List.copyOf(urls);
        }
    }

    private final ObjectMapper mapper;

    public ServerMessages(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String joined(JsonNode id, Welcome welcome, List<IceServerInfo> iceServers) {
        ObjectNode node = base("joined", id);
        node.put("room", welcome.room());
        node.put("participant", welcome.participant());
        node.put("role", welcome.role().wire()).put("locked", welcome.locked());
        ArrayNode chat = node.putArray("chat");
        welcome.chat().forEach(m -> chat(chat.addObject(), m));
        ArrayNode list = node.putArray("participants");
        for (MemberInfo p : welcome.participants()) {
            participant(list.addObject(), p);
        }
        if (welcome.layout() != null) {
            node.put("layout", welcome.layout());
        }
        node.put("activeSpeaker", welcome.activeSpeaker());
        ArrayNode servers = node.putArray("iceServers");
        for (IceServerInfo server : iceServers) {
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

    /** The message a member gets for a room event; room-level events without a message give null. */
    public String event(RoomEvent event) {
        if (event instanceof RoomEvent.ParticipantJoined e) {
            return participantEvent("participant-joined", e.participant());
        } else if (event instanceof RoomEvent.ParticipantUpdated e) {
            return participantEvent("participant-updated", e.participant());
        } else if (event instanceof RoomEvent.ParticipantLeft e) {
            return base("participant-left", null).put("participant", e.participantId())
                    .put("reason", e.reason().wire()).toString();
        } else if (event instanceof RoomEvent.ActiveSpeaker e) {
            return base("active-speaker", null).put("participant", e.participantId()).toString();
        } else if (event instanceof RoomEvent.LayoutChanged e) {
            return base("layout", null).put("layout", e.layout()).toString();
        } else if (event instanceof RoomEvent.TierChanged e) {
            ObjectNode node = base("tier", null);
            tier(node.putObject("tier"), e.tier());
            return node.toString();
        } else if (event instanceof RoomEvent.VideoConstraints e) {
            return videoConstraints(e.constraints());
        } else if (event instanceof RoomEvent.RecordingChanged e) {
            ObjectNode node = base("recording", null);
            recording(node.putObject("recording"), e.recording());
            return node.toString();
        } else if (event instanceof RoomEvent.BroadcastChanged e) {
            ObjectNode node = base("broadcast", null);
            broadcast(node.putObject("broadcast"), e.broadcast());
            return node.toString();
        } else if (event instanceof RoomEvent.Chat e) {
            return chat(base("chat", null), e.message()).toString();
        } else if (event instanceof RoomEvent.Kicked) {
            return base("kicked", null).toString();
        } else if (event instanceof RoomEvent.LockChanged e) {
            return base("room-locked", null).put("locked", e.locked()).toString();
        } else if (event instanceof RoomEvent.Closed e) {
            return base("room-closed", null).put("reason", e.reason()).toString();
        }
        return null;
    }

    private String participantEvent(String type, MemberInfo participant) {
        ObjectNode node = base(type, null);
        participant(node.putObject("participant"), participant);
        return node.toString();
    }

    private String videoConstraints(PublishConstraints c) {
        return base("video-constraints", null).put("maxWidth", c.maxWidth()).put("maxHeight", c.maxHeight())
                .put("maxFramerate", c.maxFramerate()).put("maxBitrate", c.maxBitrateBps()).put("active", c.active())
                .toString();
    }

    /** The JSON of a recording, shared by the protocol and the REST API. */
    public static ObjectNode recording(ObjectNode node, RecordingStatus r) {
        node.put("id", r.id()).put("format", r.format()).put("file", r.file()).put("state", r.state())
                .put("durationMs", r.durationMs());
        if (r.error() != null) {
            node.put("error", r.error());
        }
        return node;
    }

    private static ObjectNode chat(ObjectNode node, ChatMessage m) {
        return node.put("participant", m.participantId()).put("name", m.name()).put("text", m.text())
                .put("at", m.at().toString());
    }

    /** The JSON of a broadcast, shared by the protocol and the REST API. */
    public static ObjectNode broadcast(ObjectNode node, BroadcastStatus b) {
        node.put("id", b.id()).put("url", b.url()).put("state", b.state()).put("failures", b.failures());
        if (!b.detail().isEmpty()) {
            node.put(b.state().equals("reconnecting") || b.state().equals("failed") ? "error" : "detail", b.detail());
        }
        return node;
    }

    /** The JSON of a tier, shared by the protocol and the REST API. */
    public static ObjectNode tier(ObjectNode node, VideoTier tier) {
        return node.put("name", tier.name()).put("width", tier.width()).put("height", tier.height())
                .put("bitrate", tier.bitrateBps());
    }

    private static void participant(ObjectNode node, MemberInfo p) {
        node.put("id", p.id()).put("name", p.name()).put("audioMuted", p.audioMuted()).put("videoMuted", p.videoMuted());
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

    /** A moderation request carried out; {@code recording} is the one it started, or null. */
    public String done(JsonNode id, String request, RecordingStatus recording) {
        ObjectNode node = base("done", id).put("request", request);
        if (recording != null) {
            recording(node.putObject("recording"), recording);
        }
        return node.toString();
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
