package io.chorus.signalling.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/** Messages a client sends, already validated; {@code id} is echoed on the reply when present. */
public sealed interface ClientMessage {
    JsonNode id();

    /** {@code maxBitrate} (bits/s) caps the downstream video tier; null for no cap. */
    record Join(JsonNode id, String room, String name, String token, Integer maxBitrate) implements ClientMessage {
    }

    record Offer(JsonNode id, String sdp) implements ClientMessage {
    }

    /** {@code candidate} is null for end-of-candidates. */
    record Candidate(JsonNode id, String candidate, String sdpMid, Integer sdpMLineIndex) implements ClientMessage {
    }

    record Leave(JsonNode id) implements ClientMessage {
    }

    /** A null field leaves that medium as it is. */
    record Mute(JsonNode id, Boolean audio, Boolean video) implements ClientMessage {
    }

    /** A chat line for the room: 1 to {@link ClientMessageParser#MAX_CHAT_LENGTH} characters. */
    record Chat(JsonNode id, String text) implements ClientMessage {
    }

    /**
     * What only a moderator may send (docs/protocol.md, "Moderation"); each is answered by
     * {@code done} with the request's {@code type}.
     */
    sealed interface Moderation extends ClientMessage {
        /** The message's {@code type}, as the reply and refusals name it. */
        String type();
    }

    record SetLayout(JsonNode id, LayoutRequest layout) implements Moderation {
        public String type() {
            return "set-layout";
        }
    }

    /** A null field leaves that setting as it is. */
    record UpdateParticipant(JsonNode id, String participant, Double gainDb, Boolean audioMuted, Boolean videoMuted)
            implements Moderation {
        public String type() {
            return "update-participant";
        }
    }

    record Kick(JsonNode id, String participant) implements Moderation {
        public String type() {
            return "kick";
        }
    }

    record Lock(JsonNode id, boolean locked) implements Moderation {
        public String type() {
            return "lock";
        }
    }

    record StartRecording(JsonNode id, String format, boolean participants) implements Moderation {
        public String type() {
            return "start-recording";
        }
    }

    record StopRecording(JsonNode id, String recording) implements Moderation {
        public String type() {
            return "stop-recording";
        }
    }
}
