package io.chorus.signalling.protocol;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fuzzes the WebSocket message parser the way WebSocketFrameHandler calls it: the frame's bytes decoded as
 * UTF-8 and their count. Contract: a message is refused only with {@link ProtocolException} carrying a code
 * and a message (anything unchecked would reach the client as an internal error); what is accepted obeys
 * the documented field rules (room id pattern, name length, bitrate floor, candidate index) and, written
 * back as JSON, parses to a message that is written the same; {@link ClientMessageParser#idOf} never
 * throws; and the id the server echoes in its reply (docs/protocol.md: a number or a string of up to 64 characters) reads back as the
 * value sent, numbers compared by value. Without
 * JAZZER_FUZZ this replays the inputs under {@code ClientMessageParserFuzzTestInputs/parse/}.
 */
class ClientMessageParserFuzzTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ClientMessageParser PARSER = new ClientMessageParser(MAPPER);
    private static final ServerMessages MESSAGES = new ServerMessages(MAPPER);
    /** JSON values compared as a client compares them: numbers by value, so -32e0 is -32 and 1E+400 is 1e400. */
    private static final Comparator<JsonNode> SAME_NUMBERS = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
    /** Reads the reply as the parser reads the message: decimals exactly. */
    private static final ObjectReader EXACT = MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

    @DictionaryEntries({"{\"type\":\"join\",", "{\"type\":\"offer\",", "{\"type\":\"candidate\",",
            "{\"type\":\"leave\"}", "{\"type\":\"mute\",", "\"room\":", "\"name\":", "\"token\":", "\"maxBitrate\":",
            "\"sdp\":", "\"candidate\":", "\"sdpMid\":", "\"sdpMLineIndex\":", "\"audio\":", "\"video\":", "\"id\":",
            "{\"type\":\"chat\",", "\"text\":", "{\"type\":\"set-layout\",", "{\"type\":\"update-participant\",", "{\"type\":\"kick\",",
            "{\"type\":\"lock\",", "{\"type\":\"start-recording\",", "{\"type\":\"stop-recording\",",
            "\"layout\":", "\"regions\":", "\"participant\":", "\"gainDb\":", "\"audioMuted\":",
            "\"videoMuted\":", "\"locked\":", "\"format\":", "\"participants\":", "\"recording\":",
            "null", "true", "false", "1e400", "-0", "9223372036854775808", "\\u0000", "\\ud800"})
    @FuzzTest(maxDuration = "5m")
    void parse(byte[] frame) throws JsonProcessingException {
        String text = new String(frame, StandardCharsets.UTF_8);
        JsonNode echoedId;
        try {
            ClientMessage message = PARSER.parse(text, frame.length);
            checkFields(message);
            String written = write(message);
            ClientMessage again = PARSER.parse(written, frame.length);
            assertEquals(message.getClass(), again.getClass());
            assertEquals(written, write(again), "written back as JSON, the message parses differently");
            echoedId = message.id();
        } catch (ProtocolException refused) {
            assertNotNull(refused.code());
            assertFalse(refused.getMessage() == null || refused.getMessage().isEmpty());
            assertTrue(frame.length <= ClientMessageParser.MAX_MESSAGE_BYTES
                    || refused.code() == ErrorCode.MESSAGE_TOO_LARGE);
            echoedId = PARSER.idOf(text);
        }
        if (echoedId != null && !echoedId.isNull()) { // "id": null is no id, and the reply carries none
            assertTrue((echoedId.isNumber() || echoedId.isTextual())
                    && echoedId.toString().length() <= ClientMessageParser.MAX_ID_LENGTH + 2,
                    "only a number or a short string is echoed, never a large value: " + echoedId);
            JsonNode reply = EXACT.readTree(MESSAGES.error(ErrorCode.INVALID_FIELD, "echo", echoedId));
            assertTrue(reply.has("id") && echoedId.equals(SAME_NUMBERS, reply.get("id")),
                    "the reply does not echo the id as sent: " + echoedId + " came back as " + reply.get("id"));
        }
    }

    private static void checkFields(ClientMessage message) {
        if (message instanceof ClientMessage.Join join) {
            assertTrue(join.room().matches("[A-Za-z0-9_-]{1,64}"), join.room());
            assertTrue(!join.name().isEmpty() && join.name().length() <= 128
                    && join.name().equals(join.name().strip()), join.name());
            assertTrue(join.name().chars().noneMatch(Character::isISOControl));
            assertTrue(join.maxBitrate() == null || join.maxBitrate() >= 10_000);
        } else if (message instanceof ClientMessage.Offer offer) {
            assertNotNull(offer.sdp());
        } else if (message instanceof ClientMessage.Candidate candidate) {
            assertTrue(candidate.candidate() == null || !candidate.candidate().isEmpty());
            assertTrue(candidate.sdpMLineIndex() == null || candidate.sdpMLineIndex() >= 0);
        }
    }

    /** The message as a client would send it. */
    private static String write(ClientMessage message) {
        ObjectNode node = MAPPER.createObjectNode();
        if (message.id() != null) {
            node.set("id", message.id());
        }
        if (message instanceof ClientMessage.Join join) {
            node.put("type", "join").put("room", join.room()).put("name", join.name()).put("token", join.token())
                    .put("maxBitrate", join.maxBitrate());
        } else if (message instanceof ClientMessage.Offer offer) {
            node.put("type", "offer").put("sdp", offer.sdp());
        } else if (message instanceof ClientMessage.Candidate candidate) {
            node.put("type", "candidate").put("candidate", candidate.candidate()).put("sdpMid", candidate.sdpMid())
                    .put("sdpMLineIndex", candidate.sdpMLineIndex());
        } else if (message instanceof ClientMessage.Leave) {
            node.put("type", "leave");
        } else if (message instanceof ClientMessage.Mute mute) {
            node.put("type", "mute").put("audio", mute.audio()).put("video", mute.video());
        } else if (message instanceof ClientMessage.Chat chat) {
            node.put("type", "chat").put("text", chat.text());
        } else if (message instanceof ClientMessage.SetLayout layout) {
            layout.layout().write(node.put("type", "set-layout"));
        } else if (message instanceof ClientMessage.UpdateParticipant update) {
            node.put("type", "update-participant").put("participant", update.participant())
                    .put("gainDb", update.gainDb()).put("audioMuted", update.audioMuted())
                    .put("videoMuted", update.videoMuted());
        } else if (message instanceof ClientMessage.Kick kick) {
            node.put("type", "kick").put("participant", kick.participant());
        } else if (message instanceof ClientMessage.Lock lock) {
            node.put("type", "lock").put("locked", lock.locked());
        } else if (message instanceof ClientMessage.StartRecording start) {
            node.put("type", "start-recording").put("format", start.format()).put("participants", start.participants());
        } else if (message instanceof ClientMessage.StopRecording stop) {
            node.put("type", "stop-recording").put("recording", stop.recording());
        } else {
            fail("unknown message " + message);
        }
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            fail(e);
            return null;
        }
    }
}
