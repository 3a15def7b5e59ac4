package io.chorus.core.sdp;

import io.chorus.core.dtls.CertificateFingerprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SdpParserTest {
    private static final String HEADER = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n";
    private static final String AUDIO = "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n";

    @Test
    void readsTheSessionLevelOfAChromeOffer() throws SdpException {
        SessionDescription offer = Offers.parse(Offers.AUDIO_VIDEO);

        assertEquals("- 3924735632150117843 2 IN IP4 127.0.0.1", offer.origin());
        assertEquals("-", offer.sessionName());
        assertEquals(List.of(new SdpLine('v', "0"), new SdpLine('o', offer.origin()), new SdpLine('s', "-"),
                new SdpLine('t', "0 0")), offer.lines());
        assertEquals(Optional.of(new SdpGroup("BUNDLE", List.of("0", "1"))), offer.bundleGroup());
        assertEquals(List.of("group", "extmap-allow-mixed", "msid-semantic"),
                offer.attributes().all().stream().map(SdpAttribute::name).toList());
        assertNull(offer.attributes().all().get(1).value(), "a property attribute has no value");
        assertEquals(Optional.of(" WMS 7c1e4b9a-2f3d-4e8a-b5c6-0d9e8f7a6b5c"),
                offer.attributes().value("msid-semantic"));
        assertEquals(2, offer.media().size());
    }

    @Test
    void readsTheAudioSectionOfAChromeOffer() throws SdpException {
        MediaSection audio = Offers.parse(Offers.AUDIO_VIDEO).media().get(0);
        SdpAttributes a = audio.attributes();

        assertEquals(0, audio.index());
        assertEquals("audio", audio.kind());
        assertEquals(9, audio.port());
        assertEquals("UDP/TLS/RTP/SAVPF", audio.proto());
        assertEquals(List.of("111", "63", "9", "0", "8", "13", "110", "126"), audio.formats());
        assertTrue(audio.isRtp());
        assertEquals(List.of(new SdpLine('c', "IN IP4 0.0.0.0")), audio.lines());
        assertEquals(Optional.of("0"), a.mid());
        assertEquals(Optional.of("Wq7N"), a.iceUfrag());
        assertEquals(Optional.of("Kp4b9Qx2LrT8vZ1mN6sYdH3c"), a.icePwd());
        assertEquals(Optional.of(SetupRole.ACTPASS), a.setup());
        assertEquals(Optional.of(Direction.SENDRECV), a.direction());
        assertTrue(a.rtcpMux());
        assertTrue(a.rtcpRsize());
        assertFalse(a.endOfCandidates());
        assertEquals(Optional.of("trickle"), a.value("ice-options"));
        assertEquals(List.of(new Msid("7c1e4b9a-2f3d-4e8a-b5c6-0d9e8f7a6b5c", "3a6f0c2d-8b1e-4d7f-a9c3-5e2b1d0f4a86")),
                a.msids());
        assertEquals(List.of(
                new HeaderExtension(1, null, HeaderExtension.AUDIO_LEVEL, null),
                new HeaderExtension(2, null, HeaderExtension.ABS_SEND_TIME, null),
                new HeaderExtension(3, null, HeaderExtension.TRANSPORT_WIDE_CC, null),
                new HeaderExtension(4, null, HeaderExtension.SDES_MID, null)), a.extensions());
        assertEquals(List.of(new SsrcAttribute(2853621987L, "cname", "r2Dk8sQmT4vYw1Zx"),
                new SsrcAttribute(2853621987L, "msid",
                        "7c1e4b9a-2f3d-4e8a-b5c6-0d9e8f7a6b5c 3a6f0c2d-8b1e-4d7f-a9c3-5e2b1d0f4a86")), a.ssrcs());

        CertificateFingerprint fingerprint = a.fingerprints().get(0);
        assertEquals("sha-256", fingerprint.hashFunction());
        assertArrayEquals(HexFormat.ofDelimiter(":").parseHex(
                "A5:4D:CA:18:25:30:BB:1D:6D:13:2C:DE:D6:23:7B:2E:D9:1E:3F:72:1F:CB:19:71:17:44:94:D6:49:3C:9D:5C"),
                fingerprint.bytes());

        List<RtpCodec> codecs = audio.codecs();
        assertEquals(List.of(111, 63, 9, 0, 8, 13, 110, 126), codecs.stream().map(RtpCodec::payloadType).toList());
        assertEquals(new RtpCodec(111, "opus", 48000, 2, "minptime=10;useinbandfec=1",
                List.of(RtcpFeedback.TRANSPORT_CC)), codecs.get(0));
        assertEquals(new RtpCodec(63, "red", 48000, 2, "111/111", List.of()), codecs.get(1));
        assertEquals(new RtpCodec(0, "PCMU", 8000, 1, null, List.of()), codecs.get(3));
        assertEquals(new RtpCodec(126, "telephone-event", 8000, 1, null, List.of()), codecs.get(7));
        assertEquals(Optional.of("1"), codecs.get(0).fmtpParameter("useinbandfec"));
    }

    @Test
    void readsTheVideoSectionOfAChromeOffer() throws SdpException {
        MediaSection video = Offers.parse(Offers.AUDIO_VIDEO).media().get(1);
        SdpAttributes a = video.attributes();

        assertEquals(25, video.formats().size());
        assertEquals(25, video.codecs().size());
        assertEquals(new RtpCodec(96, "VP8", 90000, 1, null, List.of(RtcpFeedback.REMB, RtcpFeedback.TRANSPORT_CC,
                RtcpFeedback.FIR, RtcpFeedback.NACK, RtcpFeedback.PLI)), a.codec(96).orElseThrow());
        assertEquals(Optional.of("96"), a.codec(97).orElseThrow().fmtpParameter("apt"));
        assertEquals(Optional.of("42e01f"), a.codec(106).orElseThrow().fmtpParameter("profile-level-id"));
        assertEquals("ulpfec", a.codec(108).orElseThrow().encoding());
        assertEquals(Optional.empty(), a.codec(35), "no rtpmap, no codec");
        assertEquals(11, a.extensions().size());
        assertEquals(new HeaderExtension(14, null, "urn:ietf:params:rtp-hdrext:toffset", null), a.extensions().get(0));
        assertEquals(List.of(new SsrcGroup("FID", List.of(1436547210L, 3020715843L))), a.ssrcGroups());
        assertEquals(4, a.ssrcs().size());
        assertEquals(Optional.of("1"), a.mid());
    }

    @Test
    void readsCandidatesAndANonRtpSection() throws SdpException {
        SessionDescription offer = Offers.parse(Offers.DATACHANNEL);
        MediaSection audio = offer.media().get(0);
        MediaSection application = offer.media().get(2);

        assertEquals(54400, audio.port());
        assertEquals(3, audio.attributes().candidates().size());
        assertEquals("srflx", audio.attributes().candidates().get(1).type());
        assertEquals(Optional.of(Direction.SENDONLY), audio.attributes().direction());
        assertEquals(Optional.of(Direction.RECVONLY), offer.media().get(1).attributes().direction());

        assertEquals("application", application.kind());
        assertEquals("UDP/DTLS/SCTP", application.proto());
        assertEquals(List.of("webrtc-datachannel"), application.formats());
        assertFalse(application.isRtp());
        assertEquals(List.of(), application.codecs());
        assertEquals(Optional.of("5000"), application.attributes().value("sctp-port"));
        assertEquals(application, offer.mediaByMid("2").orElseThrow());
    }

    @Test
    void acceptsLfAsWellAsCrlf() throws SdpException {
        for (String name : Offers.ALL) {
            String crlf = Offers.read(name);
            assertTrue(crlf.contains("\r\n"));
            assertEquals(SdpParser.parse(crlf), SdpParser.parse(crlf.replace("\r\n", "\n")), name);
        }
    }

    @Test
    void acceptsAMissingFinalLineEndAndTrailingEmptyLines() throws SdpException {
        SessionDescription expected = SdpParser.parse(HEADER + AUDIO);
        assertEquals(expected, SdpParser.parse(HEADER + AUDIO.strip()));
        assertEquals(expected, SdpParser.parse(HEADER + AUDIO + "\r\n\r\n"));
    }

    @Test
    void readsSessionLevelTransportAttributesAndWildcardFeedback() throws SdpException {
        SessionDescription offer = SdpParser.parse(HEADER + "a=ice-ufrag:sess\r\na=ice-pwd:sessionpassword\r\n"
                + "a=fingerprint:sha-1 00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13\r\n"
                + "a=sendonly\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 120 121\r\na=rtpmap:120 VP8/90000\r\na=rtpmap:121 VP9/90000\r\n"
                + "a=rtcp-fb:* nack\r\na=rtcp-fb:120 ccm fir\r\na=extmap:3/recvonly urn:x:y some attributes\r\n");
        SdpAttributes session = offer.attributes();
        assertEquals(Optional.of("sess"), session.iceUfrag());
        assertEquals("sha-1", session.fingerprints().get(0).hashFunction());
        assertEquals(Optional.of(Direction.SENDONLY), session.direction());

        SdpAttributes video = offer.media().get(0).attributes();
        assertEquals(List.of(RtcpFeedback.NACK, RtcpFeedback.FIR), video.codec(120).orElseThrow().feedback());
        assertEquals(List.of(RtcpFeedback.NACK), video.codec(121).orElseThrow().feedback());
        assertEquals(new HeaderExtension(3, Direction.RECVONLY, "urn:x:y", "some attributes"),
                video.extensions().get(0));
        assertEquals(Optional.empty(), video.iceUfrag(), "media level does not copy the session level");
    }

    @Test
    void keepsUnknownAttributesAndLinesInOrder() throws SdpException {
        SessionDescription offer = SdpParser.parse(HEADER + "b=AS:30\r\nt=0 0\r\na=x-custom:1 2 3\r\n" + AUDIO
                + "b=TIAS:64000\r\na=x-flag\r\na=x-custom:a:b\r\n");
        assertEquals(new SdpLine('b', "AS:30"), offer.lines().get(3));
        assertEquals(List.of(new SdpAttribute("x-custom", "1 2 3")), offer.attributes().all());
        MediaSection audio = offer.media().get(0);
        assertEquals(List.of(new SdpLine('b', "TIAS:64000")), audio.lines());
        assertEquals(List.of(new SdpAttribute("x-flag", null), new SdpAttribute("x-custom", "a:b")),
                audio.attributes().all());
        assertEquals("x-custom:a:b", audio.attributes().all().get(1).toString());
    }

    @Test
    void aDescriptionWithoutMediaIsStillADescription() throws SdpException {
        assertEquals(List.of(), SdpParser.parse(HEADER + "t=0 0\r\n").media());
    }

    static List<Arguments> malformed() {
        return List.of(
                Arguments.of("", "empty session description"),
                Arguments.of(" \r\n\r\n", "empty session description"),
                Arguments.of("o=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n", "line 1: expected v= but found o="),
                Arguments.of("v=1\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n", "line 1: unsupported version '1'"),
                Arguments.of("v=0\r\n", "line 2: the description ends before its o= line"),
                Arguments.of("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n", "line 3: the description ends before its s= line"),
                Arguments.of("v=0\r\n" + AUDIO, "line 2: expected o= but found m="),
                Arguments.of("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n" + AUDIO, "line 3: expected s= but found m="),
                Arguments.of("v=0\r\no=- 1 2\r\ns=-\r\n", "line 2: o= needs 6 fields, has 3"),
                Arguments.of(HEADER + "hello world\r\n", "line 4: not a '<type>=<value>' line"),
                Arguments.of(HEADER + "x=unknown type\r\n", "line 4: not a '<type>=<value>' line"),
                Arguments.of(HEADER + "\r\n" + AUDIO, "line 4: not a '<type>=<value>' line"),
                Arguments.of(HEADER + "A=capital\r\n", "line 4: not a '<type>=<value>' line"),
                Arguments.of(HEADER + "v=0\r\n", "line 4: a second v= line"),
                Arguments.of(HEADER + AUDIO + "s=again\r\n", "line 5: a second s= line"),
                Arguments.of(HEADER + "a=\r\n", "line 4: bad attribute name ''"),
                Arguments.of(HEADER + "a=:value\r\n", "line 4: bad attribute name ''"),
                Arguments.of(HEADER + "a=na me:x\r\n", "line 4: bad attribute name 'na me'"),
                Arguments.of(HEADER + "s=\0\r\n", "line 4"),
                Arguments.of(HEADER + "a=x-bad:nul\0here\r\n", "line 4: control character 0"),
                Arguments.of(HEADER + "a=x-bad:cr\rhere\r\n", "line 4: control character 13"),
                Arguments.of(HEADER + "m=audio 9 UDP/TLS/RTP/SAVPF\r\n", "line 4: m= needs '<media> <port> <proto>"),
                Arguments.of(HEADER + "m=audio\r\n", "line 4: m= needs"),
                Arguments.of(HEADER + "m=audio nine UDP/TLS/RTP/SAVPF 111\r\n", "line 4: m=audio: port 'nine' is not a number"),
                Arguments.of(HEADER + "m=audio -9 UDP/TLS/RTP/SAVPF 111\r\n", "line 4: m=audio: port '-9' is not a number"),
                Arguments.of(HEADER + "m=audio 70000 UDP/TLS/RTP/SAVPF 111\r\n", "line 4: m=audio: port 70000 is outside 0..65535"),
                Arguments.of(HEADER + "m=audio 9/x UDP/TLS/RTP/SAVPF 111\r\n", "line 4: m=audio: port count 'x'"),
                Arguments.of(HEADER + "m=audio 9 UDP/TLS/RTP/SAVPF opus\r\n", "line 4: m=audio: payload type 'opus' is not a number"),
                Arguments.of(HEADER + "m=video 9 UDP/TLS/RTP/SAVPF 96 200\r\n", "line 4: m=video: payload type 200 is outside 0..127"),
                Arguments.of(HEADER + AUDIO + "a=rtpmap:abc opus/48000/2\r\n", "line 5: a=rtpmap: payload type 'abc' is not a number"),
                Arguments.of(HEADER + AUDIO + "a=rtpmap:111 opus\r\n", "line 5: a=rtpmap: bad encoding 'opus'"),
                Arguments.of(HEADER + AUDIO + "a=rtpmap:111 opus/fast/2\r\n", "line 5: a=rtpmap: clock rate 'fast'"),
                Arguments.of(HEADER + AUDIO + "a=rtpmap:111\r\n", "line 5: a=rtpmap: expected '<payload type>"),
                Arguments.of(HEADER + AUDIO + "a=rtpmap\r\n", "line 5: a=rtpmap: needs a value"),
                Arguments.of(HEADER + AUDIO + "a=rtpmap:111 opus/48000/2\r\na=rtpmap:111 opus/48000/2\r\n",
                        "line 6: a=rtpmap: payload type 111 mapped twice"),
                Arguments.of(HEADER + AUDIO + "a=fmtp:x1 minptime=10\r\n", "line 5: a=fmtp: payload type 'x1'"),
                Arguments.of(HEADER + AUDIO + "a=rtcp-fb:111\r\n", "line 5: a=rtcp-fb: missing feedback type"),
                Arguments.of(HEADER + AUDIO + "a=rtcp-fb:one nack\r\n", "line 5: a=rtcp-fb: payload type 'one'"),
                Arguments.of(HEADER + AUDIO + "a=extmap:0 urn:x\r\n", "line 5: a=extmap: extension id 0 is outside 1..255"),
                Arguments.of(HEADER + AUDIO + "a=extmap:one urn:x\r\n", "line 5: a=extmap: extension id 'one'"),
                Arguments.of(HEADER + AUDIO + "a=extmap:1/sideways urn:x\r\n", "line 5: a=extmap: unknown extmap direction"),
                Arguments.of(HEADER + AUDIO + "a=extmap:1\r\n", "line 5: a=extmap: expected '<id>"),
                Arguments.of(HEADER + AUDIO + "a=extmap:1 urn:x\r\na=extmap:1 urn:y\r\n", "line 6: a=extmap: extension id 1 used twice"),
                Arguments.of(HEADER + AUDIO + "a=fingerprint:sha-256 ZZ:00\r\n", "line 5: a=fingerprint: sha-256 value must be 32 colon-separated hex pairs"),
                Arguments.of(HEADER + AUDIO + "a=fingerprint:sha-256 00:01:02\r\n", "line 5: a=fingerprint: sha-256 value must be 32 colon-separated hex pairs (95 characters), got 8"),
                Arguments.of(HEADER + AUDIO + "a=fingerprint:sha-256\r\n", "line 5: a=fingerprint: expected '<hash-function> <hex>'"),
                Arguments.of(HEADER + AUDIO + "a=setup:sometimes\r\n", "line 5: a=setup: unknown setup role 'sometimes'"),
                Arguments.of(HEADER + AUDIO + "a=mid:0\r\na=mid:1\r\n", "line 6: a=mid: given twice"),
                Arguments.of(HEADER + AUDIO + "a=mid:two words\r\n", "line 5: a=mid: expected a single token"),
                Arguments.of(HEADER + AUDIO + "a=ice-ufrag:\r\n", "line 5: a=ice-ufrag: needs a value"),
                Arguments.of(HEADER + AUDIO + "a=sendrecv\r\na=recvonly\r\n", "line 6: a=recvonly: contradicts the earlier a=sendrecv"),
                Arguments.of(HEADER + AUDIO + "a=ssrc:12ab cname:x\r\n", "line 5: a=ssrc: SSRC '12ab' is not a number"),
                Arguments.of(HEADER + AUDIO + "a=ssrc:4294967296 cname:x\r\n", "line 5: a=ssrc: SSRC 4294967296 does not fit in 32 bits"),
                Arguments.of(HEADER + AUDIO + "a=ssrc:1\r\n", "line 5: a=ssrc: expected '<ssrc> <attribute>"),
                Arguments.of(HEADER + AUDIO + "a=ssrc-group:FID\r\n", "line 5: a=ssrc-group: expected '<semantics> <ssrc>...'"),
                Arguments.of(HEADER + AUDIO + "a=msid:a b c\r\n", "line 5: a=msid: expected '<stream id> [<track id>]'"),
                Arguments.of(HEADER + AUDIO + "a=candidate:1 1 udp 1 192.0.2.1 9 typ\r\n", "line 5: a=candidate: candidate has 7 of the 8"),
                Arguments.of(HEADER + AUDIO + "a=mid:0\r\n" + AUDIO + "a=mid:0\r\n", "line 6: m=audio reuses mid '0'"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("malformed")
    void rejectsMalformedDescriptionsNamingTheLine(String text, String expectedMessage) {
        SdpException e = assertThrows(SdpException.class, () -> SdpParser.parse(text));
        assertTrue(e.getMessage().startsWith(expectedMessage),
                () -> "message '" + e.getMessage() + "' should start with '" + expectedMessage + "'");
    }

    @Test
    void rejectsNull() {
        assertThrows(SdpException.class, () -> SdpParser.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {Offers.AUDIO_VIDEO, Offers.DATACHANNEL, Offers.H264_PASSIVE})
    void everyTruncationParsesOrFailsWithSdpException(String name) {
        String offer = Offers.read(name);
        int failures = 0;
        for (int length = 0; length < offer.length(); length++) {
            if (!parsesOrThrowsSdpException(offer.substring(0, length))) {
                failures++;
            }
        }
        // Cuts inside the v=/o=/s= header and inside an m-line's format list cannot parse.
        assertTrue(failures > 60, "only " + failures + " truncations were rejected");
    }

    @Test
    void truncationsInsideTheHeaderAreRejected() {
        String offer = Offers.read(Offers.AUDIO_VIDEO);
        int afterHeader = offer.indexOf("s=-") + 2;
        for (int length = 0; length < afterHeader; length++) {
            String truncated = offer.substring(0, length);
            assertThrows(SdpException.class, () -> SdpParser.parse(truncated), () -> "'" + truncated + "'");
        }
    }

    @Test
    void randomBytesOnlyEverRaiseSdpException() {
        Random random = new Random(20240611L);
        int rejected = 0;
        for (int i = 0; i < 5000; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            if (!parsesOrThrowsSdpException(new String(bytes, StandardCharsets.ISO_8859_1))) {
                rejected++;
            }
        }
        assertEquals(5000, rejected, "random bytes should never look like a description");
    }

    @Test
    void randomLinesAfterAValidHeaderOnlyEverRaiseSdpException() {
        Random random = new Random(7L);
        String alphabet = "vosiuepcbtrzkam=: /0123456789\r\nabcxyz*-";
        for (int i = 0; i < 5000; i++) {
            StringBuilder text = new StringBuilder(HEADER);
            int length = random.nextInt(200);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            parsesOrThrowsSdpException(text.toString());
        }
    }

    @Test
    void mutatedChromeOffersOnlyEverRaiseSdpException() {
        Random random = new Random(99L);
        String replacements = " :/=\r\n0123456789-abc*\u0000\u00ff";
        for (String name : Offers.ALL) {
            char[] offer = Offers.read(name).toCharArray();
            for (int i = 0; i < 1500; i++) {
                char[] mutated = offer.clone();
                for (int k = 1 + random.nextInt(6); k > 0; k--) {
                    mutated[random.nextInt(mutated.length)] = replacements.charAt(random.nextInt(replacements.length()));
                }
                parsesOrThrowsSdpException(new String(mutated));
            }
        }
    }

    /** True when the text parsed; false when it failed with SdpException; anything else fails the test. */
    static boolean parsesOrThrowsSdpException(String text) {
        try {
            SdpParser.parse(text);
            return true;
        } catch (SdpException expected) {
            assertFalse(expected.getMessage().isEmpty());
            return false;
        }
    }
}
