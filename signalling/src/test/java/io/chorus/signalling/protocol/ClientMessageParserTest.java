package io.chorus.signalling.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

class ClientMessageParserTest {
    private final ClientMessageParser parser = new ClientMessageParser(new ObjectMapper());

    private ClientMessage parse(String json) throws ProtocolException {
        return parser.parse(json, json.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void parsesEveryMessageType() throws Exception {
        ClientMessage.Join join = assertInstanceOf(ClientMessage.Join.class,
                parse("{\"type\":\"join\",\"room\":\"echo\",\"name\":\"Ada\",\"token\":\"t\",\"id\":7}"));
        assertEquals("echo", join.room());
        assertEquals("Ada", join.name());
        assertEquals("t", join.token());
        assertEquals(7, join.id().asInt());
        assertEquals("v=0", assertInstanceOf(ClientMessage.Offer.class,
                parse("{\"type\":\"offer\",\"sdp\":\"v=0\"}")).sdp());
        ClientMessage.Candidate c = assertInstanceOf(ClientMessage.Candidate.class, parse(
                "{\"type\":\"candidate\",\"candidate\":\"candidate:1 1 udp 1 127.0.0.1 5000 typ host\","
                        + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0}"));
        assertEquals("0", c.sdpMid());
        assertEquals(0, c.sdpMLineIndex());
        assertNull(assertInstanceOf(ClientMessage.Candidate.class,
                parse("{\"type\":\"candidate\",\"candidate\":null}")).candidate(), "null = end of candidates");
        assertNull(assertInstanceOf(ClientMessage.Candidate.class,
                parse("{\"type\":\"candidate\",\"candidate\":\"\"}")).candidate(), "empty = end of candidates");
        ClientMessage.Mute mute = assertInstanceOf(ClientMessage.Mute.class,
                parse("{\"type\":\"mute\",\"audio\":true}"));
        assertEquals(Boolean.TRUE, mute.audio());
        assertNull(mute.video());
        assertInstanceOf(ClientMessage.Leave.class, parse("{\"type\":\"leave\"}"));
    }

    @Test
    void parsesChatKeepingLineBreaks() throws Exception {
        assertEquals("hi\nthere\t!", assertInstanceOf(ClientMessage.Chat.class,
                parse("{\"type\":\"chat\",\"text\":\"hi\\nthere\\t!\"}")).text());
        String longest = "x".repeat(ClientMessageParser.MAX_CHAT_LENGTH);
        assertEquals(longest, assertInstanceOf(ClientMessage.Chat.class,
                parse("{\"type\":\"chat\",\"text\":\"" + longest + "\"}")).text());
        ProtocolException tooLong = assertThrows(ProtocolException.class,
                () -> parse("{\"type\":\"chat\",\"text\":\"" + longest + "x\"}"));
        assertEquals("invalid-field", tooLong.code().wire());
    }

    @Test
    void parsesModerationRequests() throws Exception {
        ClientMessage.SetLayout layout = assertInstanceOf(ClientMessage.SetLayout.class,
                parse("{\"type\":\"set-layout\",\"layout\":\"custom\",\"regions\":[{\"x\":0,\"y\":0,"
                        + "\"width\":\"1/2\",\"height\":1}]}"));
        assertEquals("custom", layout.layout().name());
        assertEquals("set-layout", layout.type());
        ClientMessage.UpdateParticipant update = assertInstanceOf(ClientMessage.UpdateParticipant.class,
                parse("{\"type\":\"update-participant\",\"participant\":\"p2\",\"audioMuted\":true}"));
        assertEquals("p2", update.participant());
        assertEquals(Boolean.TRUE, update.audioMuted());
        assertNull(update.gainDb());
        assertEquals("p3", assertInstanceOf(ClientMessage.Kick.class,
                parse("{\"type\":\"kick\",\"participant\":\"p3\"}")).participant());
        assertTrue(assertInstanceOf(ClientMessage.Lock.class, parse("{\"type\":\"lock\",\"locked\":true}")).locked());
        ClientMessage.StartRecording start = assertInstanceOf(ClientMessage.StartRecording.class,
                parse("{\"type\":\"start-recording\",\"format\":\"mkv\",\"participants\":true}"));
        assertEquals("mkv", start.format());
        assertTrue(start.participants());
        assertEquals("r2", assertInstanceOf(ClientMessage.StopRecording.class,
                parse("{\"type\":\"stop-recording\",\"recording\":\"r2\"}")).recording());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "not json                                         | invalid-json",
            "[1,2]                                            | invalid-json",
            "\"text\"                                         | invalid-json",
            "{}                                               | missing-field",
            "{\"type\":null}                                  | missing-field",
            "{\"type\":5}                                     | invalid-field",
            "{\"type\":\"dance\"}                             | unknown-type",
            "{\"type\":\"join\",\"name\":\"a\"}               | missing-field",
            "{\"type\":\"join\",\"room\":\"echo\"}            | missing-field",
            "{\"type\":\"join\",\"room\":\"a b\",\"name\":\"a\"}    | invalid-room",
            "{\"type\":\"join\",\"room\":\"../x\",\"name\":\"a\"}   | invalid-room",
            "{\"type\":\"join\",\"room\":\"\",\"name\":\"a\"}       | invalid-room",
            "{\"type\":\"join\",\"room\":\"echo\",\"name\":\"  \"}  | invalid-field",
            "{\"type\":\"join\",\"room\":\"echo\",\"name\":\"a\",\"token\":1} | invalid-field",
            "{\"type\":\"offer\"}                             | missing-field",
            "{\"type\":\"offer\",\"sdp\":42}                  | invalid-field",
            "{\"type\":\"candidate\"}                         | missing-field",
            "{\"type\":\"candidate\",\"candidate\":3}         | invalid-field",
            "{\"type\":\"candidate\",\"candidate\":null,\"sdpMLineIndex\":-1} | invalid-field",
            "{\"type\":\"mute\",\"audio\":\"yes\"}            | invalid-field",
            "{\"type\":\"leave\",\"id\":40e66666666666666640}  | invalid-json",
            "{\"type\":\"chat\"}                              | missing-field",
            "{\"type\":\"chat\",\"text\":\"  \"}              | invalid-field",
            "{\"type\":\"chat\",\"text\":\"a\\u0007b\"}        | invalid-field",
            "{\"type\":\"chat\",\"text\":\"a\\u001b[2J\"}      | invalid-field",
            "{\"type\":\"chat\",\"text\":7}                   | invalid-field",
            "{\"type\":\"set-layout\"}                        | missing-field",
            "{\"type\":\"set-layout\",\"layout\":\"mosaic\"}  | invalid-field",
            "{\"type\":\"update-participant\",\"participant\":\"p1\"} | missing-field",
            "{\"type\":\"update-participant\",\"audioMuted\":true}   | missing-field",
            "{\"type\":\"kick\"}                              | missing-field",
            "{\"type\":\"kick\",\"participant\":2}            | invalid-field",
            "{\"type\":\"lock\"}                              | missing-field",
            "{\"type\":\"lock\",\"locked\":\"yes\"}           | invalid-field",
            "{\"type\":\"start-recording\"}                   | missing-field",
            "{\"type\":\"stop-recording\",\"recording\":null} | missing-field",
    })
    void refusesWithStableCodes(String json, String code) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> parse(json.strip()));
        assertEquals(code, e.code().wire());
    }

    @Test
    void roomIdOf64CharactersIsTheLimit() throws Exception {
        String ok = "a".repeat(64);
        assertEquals(ok, ((ClientMessage.Join) parse("{\"type\":\"join\",\"room\":\"" + ok + "\",\"name\":\"n\"}"))
                .room());
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> parse("{\"type\":\"join\",\"room\":\"" + ok + "a\",\"name\":\"n\"}"));
        assertEquals(ErrorCode.INVALID_ROOM, e.code());
    }

    @Test
    void refusesMessagesOver64KiB() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> parser.parse("{}", ClientMessageParser.MAX_MESSAGE_BYTES + 1));
        assertEquals(ErrorCode.MESSAGE_TOO_LARGE, e.code());
    }

    @Test
    void recoversTheIdOfARefusedMessage() {
        assertEquals(12, parser.idOf("{\"type\":\"nope\",\"id\":12}").asInt());
        assertNull(parser.idOf("{broken"));
    }

    /**
     * Found by ClientMessageParserFuzzTest: read as a double, an id of 1e400 became Infinity and was
     * echoed as the string "Infinity"; long decimals lost their digits. Ids are any JSON value, echoed as sent.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1e400 | 1E+400", "0.10000000000000000000001 | 0.10000000000000000000001",
            "-2.50 | -2.50", "1.0 | 1.0", "7 | 7"})
    void echoesDecimalIdsAsSent(String sent, String echoed) throws Exception {
        ClientMessage message = parse("{\"type\":\"leave\",\"id\":" + sent + "}");
        String reply = new ServerMessages(new ObjectMapper()).left(message.id());
        assertTrue(reply.contains("\"id\":" + echoed + "}") || reply.contains("\"id\":" + echoed + ","), reply);
        ProtocolException refused = assertThrows(ProtocolException.class,
                () -> parse("{\"type\":\"dance\",\"id\":" + sent + "}"));
        assertEquals(ErrorCode.UNKNOWN_TYPE, refused.code());
        assertEquals(message.id(), parser.idOf("{\"type\":\"dance\",\"id\":" + sent + "}"));
    }
}
