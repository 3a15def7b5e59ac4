package io.chorus.core.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;


class IceCandidateTest {
    private static final String CHROME_HOST =
            "candidate:1467250027 1 udp 2122260223 192.0.2.20 54400 typ host generation 0 ufrag b3Rt network-id 1 network-cost 10";
    private static final String CHROME_SRFLX =
            "candidate:842163049 1 udp 1686052607 203.0.113.24 54400 typ srflx raddr 192.0.2.20 rport 54400 generation 0 ufrag b3Rt network-id 1 network-cost 10";

    @Test
    void readsAChromeHostCandidate() throws SdpException {
        IceCandidate c = IceCandidate.parse(CHROME_HOST);
        assertEquals("1467250027", c.foundation());
        assertEquals(1, c.component());
        assertEquals("udp", c.transport());
        assertEquals(2122260223L, c.priority());
        assertEquals("192.0.2.20", c.address());
        assertEquals(54400, c.port());
        assertEquals("host", c.type());
        assertNull(c.relatedAddress());
        assertEquals(List.of("generation", "ufrag", "network-id", "network-cost"), List.copyOf(c.extensions().keySet()));
        assertEquals(Optional.of("b3Rt"), c.extension("ufrag"));
        assertEquals(Optional.empty(), c.extension("tcptype"));
    }

    @Test
    void readsRelatedAddressAndPort() throws SdpException {
        IceCandidate c = IceCandidate.parse(CHROME_SRFLX);
        assertEquals("srflx", c.type());
        assertEquals("192.0.2.20", c.relatedAddress());
        assertEquals(54400, c.relatedPort());
        assertEquals(4, c.extensions().size(), "raddr and rport are fields, not extensions");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            CHROME_HOST,
            CHROME_SRFLX,
            "candidate:2157334355 1 tcp 1518280447 192.0.2.20 9 typ host tcptype active generation 0 network-id 1",
            "candidate:3 1 udp 2122262783 3f8e2c1a-7b6d-4e5f-9a0b-1c2d3e4f5a6b.local 54321 typ host generation 0 ufrag b3Rt network-id 2",
            "candidate:4 1 udp 41885439 198.51.100.7 3478 typ relay raddr 203.0.113.24 rport 54400 generation 0",
            "candidate:5 1 udp 1853824767 203.0.113.99 61000 typ prflx raddr 0.0.0.0 rport 0",
            "candidate:6 1 udp 2122197247 2001:db8::1 50002 typ host generation 0",
            "candidate:0 1 UDP 2122252543 192.0.2.5 50000 typ host",
            "candidate:1 2 UDP 2122252542 192.0.2.5 50001 typ host",
            "candidate:a+b/C 256 udp 4294967295 192.0.2.1 65535 typ host",
    })
    void roundTrips(String text) throws SdpException {
        IceCandidate parsed = IceCandidate.parse(text);
        assertEquals(text, parsed.toCandidateString());
        assertEquals(parsed, IceCandidate.parse(parsed.toCandidateString()));
        assertEquals(text.substring("candidate:".length()), parsed.toSdpValue());
    }

    @Test
    void acceptsAnAttributePrefixAndSurroundingSpace() throws SdpException {
        IceCandidate expected = IceCandidate.parse(CHROME_HOST);
        assertEquals(expected, IceCandidate.parse("a=" + CHROME_HOST));
        assertEquals(expected, IceCandidate.parse("  a=" + CHROME_HOST + "\r\n"));
        assertEquals(expected, IceCandidate.parse(CHROME_HOST.replace(" typ ", "   typ ")));
    }

    @Test
    void toleratesRelatedFieldsAmongExtensions() throws SdpException {
        IceCandidate c = IceCandidate.parse("candidate:1 1 udp 100 203.0.113.1 5000 typ srflx generation 0 "
                + "rport 6000 raddr 192.0.2.1");
        assertEquals("192.0.2.1", c.relatedAddress());
        assertEquals(6000, c.relatedPort());
        assertEquals(Map.of("generation", "0"), c.extensions());
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "''| a candidate must start with 'candidate:'",
            "candidate| a candidate must start with 'candidate:'",
            "candidat:1 1 udp 1 192.0.2.1 9 typ host| a candidate must start with 'candidate:'",
            "a=candidate:| candidate has 0 of the 8 mandatory fields",
            "candidate:1 1 udp 1 192.0.2.1 9 typ| candidate has 7 of the 8 mandatory fields",
            "candidate:1 1 udp 1 192.0.2.1 9 type host| expected 'typ' after the port",
            "candidate:1 1 udp 1 192.0.2.1 9 typ lan| unknown candidate type 'lan'",
            "candidate:1 one udp 1 192.0.2.1 9 typ host| candidate component 'one' is not a number",
            "candidate:1 0 udp 1 192.0.2.1 9 typ host| candidate component 0 is outside 1..256",
            "candidate:1 1 udp high 192.0.2.1 9 typ host| candidate priority 'high' is not a number",
            "candidate:1 1 udp 4294967296 192.0.2.1 9 typ host| candidate priority 4294967296 does not fit in 32 bits",
            "candidate:1 1 udp 1 192.0.2.1 70000 typ host| candidate port 70000 is outside 0..65535",
            "candidate:1 1 udp 1 192.0.2.1 -1 typ host| candidate port '-1' is not a number",
            "candidate:1 1 udp 1 192.0.2.1 9 typ host generation| candidate extension 'generation' has no value",
            "candidate:1 1 udp 1 192.0.2.1 9 typ srflx raddr 192.0.2.2| raddr and rport must come together",
            "candidate:1 1 udp 1 192.0.2.1 9 typ srflx rport 9| raddr and rport must come together",
            "candidate:1 1 udp 1 192.0.2.1 9 typ srflx raddr 192.0.2.2 rport x| candidate rport 'x' is not a number",
            "candidate:1 1 udp 1 192.0.2.1 9 typ host generation 0 generation 1| candidate extension 'generation' repeated",
            "candidate:f-1 1 udp 1 192.0.2.1 9 typ host| bad candidate foundation 'f-1'",
            "candidate:012345678901234567890123456789012 1 udp 1 192.0.2.1 9 typ host| bad candidate foundation",
    })
    void rejectsMalformedCandidates(String text, String expectedMessage) {
        SdpException e = assertThrows(SdpException.class, () -> IceCandidate.parse(text));
        assertTrue(e.getMessage().startsWith(expectedMessage.strip()),
                () -> "message '" + e.getMessage() + "' should start with '" + expectedMessage.strip() + "'");
    }

    @Test
    void rejectsNull() {
        assertThrows(SdpException.class, () -> IceCandidate.parse(null));
    }

    @Test
    void everyTruncationAndRandomMutationParsesOrFailsWithSdpException() {
        Random random = new Random(314159L);
        String alphabet = " 0123456789:.-abtyphostrlxudp\u0000";
        int rejected = 0;
        for (String base : List.of(CHROME_HOST, CHROME_SRFLX)) {
            for (int length = 0; length <= base.length(); length++) {
                rejected += parsesOrThrows(base.substring(0, length)) ? 0 : 1;
            }
            for (int i = 0; i < 3000; i++) {
                char[] mutated = base.toCharArray();
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    mutated[random.nextInt(mutated.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
                }
                rejected += parsesOrThrows(new String(mutated)) ? 0 : 1;
            }
        }
        assertTrue(rejected > 100, "only " + rejected + " inputs were rejected");
    }

    private static boolean parsesOrThrows(String text) {
        try {
            IceCandidate.parse(text);
            return true;
        } catch (SdpException expected) {
            return false;
        }
    }
}
