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
}
