package io.chorus.signalling.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

import io.chorus.signalling.conference.RoomSpec;

/** Turns one WebSocket text frame into a {@link ClientMessage} or a precise protocol error. */
public final class ClientMessageParser {
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;
    private static final int MAX_NAME_LENGTH = 128;
    /** Characters in one chat message: a long paragraph, far below the 64 KiB frame limit. */
    public static final int MAX_CHAT_LENGTH = 2000;
    static final int MAX_ID_LENGTH = 64;
    /** Below this no video tier makes sense; the lowest tier is chosen for anything from here up to it. */
    private static final int MIN_BITRATE = 10_000;

    /**
     * Reads decimals as BigDecimal, so that an {@code id} (a number or a short string, echoed on the reply)
     * comes back as sent: read as a double, 1e400 became Infinity and went back as the string "Infinity", and long
     * decimals lost digits; trailing zeros are kept too (1.0 goes back as 1.0, not 1). No other field takes
     * a decimal. A message with a decimal whose exponent is
     * beyond what BigDecimal holds is refused as invalid JSON.
     */
    private final ObjectReader reader;

    public ClientMessageParser(ObjectMapper mapper) {
        this.reader = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    }

    /**
     * The id a reply may echo: a number or a string written in JSON in at most {@value #MAX_ID_LENGTH}
     * characters (a string's quotes aside). Anything else is not echoed, so that a message of 64 KiB cannot make every error
     * reply as large.
     */
    static JsonNode echoable(JsonNode id) {
        if (id == null) {
            return null;
        }
        // Measured as written back, quotes and escapes included: 64 control characters are 384 once escaped.
        int written = id.toString().length();
        boolean small = id.isNumber() ? written <= MAX_ID_LENGTH : id.isTextual() && written <= MAX_ID_LENGTH + 2;
        return small ? id : null;
    }

    /** Best effort: the {@code id} of a message that failed to parse, so the error can echo it. */
    public JsonNode idOf(String text) {
        try {
            JsonNode node = reader.readTree(text);
            return node != null && node.isObject() ? echoable(node.get("id")) : null;
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    public ClientMessage parse(String text, int sizeInBytes) throws ProtocolException {
        if (sizeInBytes > MAX_MESSAGE_BYTES) {
            throw new ProtocolException(ErrorCode.MESSAGE_TOO_LARGE,
                    "message of " + sizeInBytes + " bytes exceeds the limit of " + MAX_MESSAGE_BYTES);
        }
        JsonNode node;
        try {
            node = reader.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProtocolException(ErrorCode.INVALID_JSON, "not valid JSON: " + e.getOriginalMessage());
        } catch (NumberFormatException e) {
            // A decimal whose exponent BigDecimal cannot hold (beyond 2^31), such as 1e99999999999.
            throw new ProtocolException(ErrorCode.INVALID_JSON, "a number in the message is out of range");
        }
        if (node == null || !node.isObject()) {
            throw new ProtocolException(ErrorCode.INVALID_JSON, "a message must be a JSON object");
        }
        JsonNode id = echoable(node.get("id"));
        String type = JsonFields.requiredText(node, "type");
        return switch (type) {
            case "join" -> new ClientMessage.Join(id, roomId(node), displayName(node),
                    JsonFields.optionalText(node, "token"),
                    JsonFields.optionalInt(node, "maxBitrate", MIN_BITRATE, Integer.MAX_VALUE));
            case "offer" -> new ClientMessage.Offer(id, JsonFields.requiredText(node, "sdp"));
            case "candidate" -> candidate(id, node);
            case "leave" -> new ClientMessage.Leave(id);
            case "mute" -> new ClientMessage.Mute(id, JsonFields.optionalBoolean(node, "audio"),
                    JsonFields.optionalBoolean(node, "video"));
            case "chat" -> new ClientMessage.Chat(id, chatText(node));
            case "set-layout" -> new ClientMessage.SetLayout(id, LayoutRequest.parse(node));
            case "update-participant" -> updateParticipant(id, node);
            case "kick" -> new ClientMessage.Kick(id, JsonFields.requiredText(node, "participant"));
            case "lock" -> new ClientMessage.Lock(id, JsonFields.requiredBoolean(node, "locked"));
            case "start-recording" -> new ClientMessage.StartRecording(id, JsonFields.requiredText(node, "format"),
                    Boolean.TRUE.equals(JsonFields.optionalBoolean(node, "participants")));
            case "stop-recording" -> new ClientMessage.StopRecording(id, JsonFields.requiredText(node, "recording"));
            default -> throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "unknown message type '"
                    + ProtocolException.shortened(type) + "'");
        };
    }

    private static String chatText(JsonNode node) throws ProtocolException {
        String text = JsonFields.requiredText(node, "text");
        // Line breaks (LF or CRLF) and tabs are text; other control characters would let one member garble others' screens.
        if (text.isBlank() || text.length() > MAX_CHAT_LENGTH
                || text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'text' must be 1-" + MAX_CHAT_LENGTH
                    + " characters, not blank, without control characters other than line breaks and tabs");
        }
        return text;
    }

    private static ClientMessage updateParticipant(JsonNode id, JsonNode node) throws ProtocolException {
        ClientMessage.UpdateParticipant update = new ClientMessage.UpdateParticipant(id,
                JsonFields.requiredText(node, "participant"), JsonFields.optionalNumber(node, "gainDb"),
                JsonFields.optionalBoolean(node, "audioMuted"), JsonFields.optionalBoolean(node, "videoMuted"));
        if (update.gainDb() == null && update.audioMuted() == null && update.videoMuted() == null) {
            throw new ProtocolException(ErrorCode.MISSING_FIELD,
                    "give at least one of 'gainDb', 'audioMuted', 'videoMuted'");
        }
        return update;
    }

    private static ClientMessage candidate(JsonNode id, JsonNode node) throws ProtocolException {
        if (!node.has("candidate")) {
            throw new ProtocolException(ErrorCode.MISSING_FIELD, "'candidate' is required (null means end of candidates)");
        }
        JsonNode candidate = node.get("candidate");
        if (!candidate.isNull() && !candidate.isTextual()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'candidate' must be a string or null");
        }
        Integer index = null;
        JsonNode indexNode = node.get("sdpMLineIndex");
        if (indexNode != null && !indexNode.isNull()) {
            if (!indexNode.canConvertToInt() || !indexNode.isIntegralNumber() || indexNode.asInt() < 0) {
                throw new ProtocolException(ErrorCode.INVALID_FIELD, "'sdpMLineIndex' must be a non-negative integer");
            }
            index = indexNode.asInt();
        }
        String text = candidate.isNull() || candidate.asText().isEmpty() ? null : candidate.asText();
        return new ClientMessage.Candidate(id, text, JsonFields.optionalText(node, "sdpMid"), index);
    }

    private static String roomId(JsonNode node) throws ProtocolException {
        String room = JsonFields.requiredText(node, "room");
        if (!RoomSpec.isValidId(room)) {
            throw new ProtocolException(ErrorCode.INVALID_ROOM,
                    "room id must match [A-Za-z0-9_-]{1,64}, got '" + abbreviate(room) + "'");
        }
        return room;
    }

    private static String displayName(JsonNode node) throws ProtocolException {
        String name = JsonFields.requiredText(node, "name").strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD,
                    "'name' must be 1-" + MAX_NAME_LENGTH + " printable characters");
        }
        return name;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
