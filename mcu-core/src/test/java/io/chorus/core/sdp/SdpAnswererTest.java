package io.chorus.core.sdp;

import io.chorus.core.dtls.CertificateFingerprint;
import io.chorus.core.dtls.DtlsRole;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.chorus.core.rtp.MediaKind;

class SdpAnswererTest {
    private static final String SERVER_TRANSPORT = """
            c=IN IP4 0.0.0.0
            a=rtcp:9 IN IP4 0.0.0.0
            a=ice-ufrag:srv1
            a=ice-pwd:serverPassword0123456789
            a=ice-options:trickle
            a=fingerprint:sha-256 00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D:1E:1F
            a=setup:passive
            """;

    /** Every line the answer to the plain Chrome offer must hold, in order (o= aside, its id is random). */
    private static final String EXPECTED_AUDIO_VIDEO_ANSWER = """
            v=0
            o=- ID 2 IN IP4 127.0.0.1
            s=-
            t=0 0
            a=group:BUNDLE 0 1
            a=msid-semantic: WMS *
            m=audio 9 UDP/TLS/RTP/SAVPF 111
            """ + SERVER_TRANSPORT + """
            a=mid:0
            a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level
            a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
            a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
            a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
            a=sendrecv
            a=msid:chorus chorus-audio
            a=rtcp-mux
            a=rtcp-rsize
            a=rtpmap:111 opus/48000/2
            a=rtcp-fb:111 transport-cc
            a=fmtp:111 minptime=10;useinbandfec=1;usedtx=1
            a=ssrc:11111111 cname:chorus-cname
            a=ssrc:11111111 msid:chorus chorus-audio
            m=video 9 UDP/TLS/RTP/SAVPF 96 97
            """ + SERVER_TRANSPORT + """
            a=mid:1
            a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
            a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
            a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
            a=sendrecv
            a=msid:chorus chorus-video
            a=rtcp-mux
            a=rtcp-rsize
            a=rtpmap:96 VP8/90000
            a=rtcp-fb:96 goog-remb
            a=rtcp-fb:96 transport-cc
            a=rtcp-fb:96 ccm fir
            a=rtcp-fb:96 nack
            a=rtcp-fb:96 nack pli
            a=rtpmap:97 rtx/90000
            a=fmtp:97 apt=96
            a=ssrc-group:FID 22222222 33333333
            a=ssrc:22222222 cname:chorus-cname
            a=ssrc:22222222 msid:chorus chorus-video
            a=ssrc:33333333 cname:chorus-cname
            a=ssrc:33333333 msid:chorus chorus-video
            """;

    @Test
    void answersChromesOfferLineByLine() throws SdpException {
        String answer = Offers.answer(Offers.read(Offers.AUDIO_VIDEO)).sdp();
        assertTrue(answer.endsWith("\r\n"));
        assertFalse(answer.replace("\r\n", "").contains("\n"), "every line ends in CRLF");
        String sessionId = answer.split("\r\n")[1].split(" ")[1];
        assertTrue(sessionId.matches("[1-9][0-9]*"), sessionId);
        assertEquals(EXPECTED_AUDIO_VIDEO_ANSWER.replace("\n", "\r\n"), answer.replace(sessionId, "ID"));
        assertFalse(answer.contains("ice-lite"));
    }

    @Test
    void drawsANewSessionIdForEachAnswer() throws SdpException {
        String offer = Offers.read(Offers.AUDIO_VIDEO);
        assertFalse(Offers.answer(offer).sdp().split("\r\n")[1].equals(Offers.answer(offer).sdp().split("\r\n")[1]));
    }

    @ParameterizedTest
    @ValueSource(strings = {Offers.AUDIO_VIDEO, Offers.DATACHANNEL, Offers.H264_PASSIVE})
    void theAnswerParsesAndMatchesTheNegotiatedSession(String name) throws SdpException {
        SessionDescription offer = Offers.parse(name);
        SdpAnswer answer = Offers.answer(Offers.read(name));
        SessionDescription parsed = SdpParser.parse(answer.sdp());

        assertEquals(offer.media().size(), parsed.media().size(), "one answer m-line per offered m-line");
        assertEquals(Optional.of(new SdpGroup("BUNDLE", answer.session().bundleMids())), parsed.bundleGroup());
        for (int i = 0; i < offer.media().size(); i++) {
            MediaSection offered = offer.media().get(i);
            MediaSection answered = parsed.media().get(i);
            assertEquals(offered.kind(), answered.kind());
            assertEquals(offered.attributes().mid(), answered.attributes().mid());
        }
        for (NegotiatedMedia media : answer.session().media()) {
            MediaSection answered = parsed.media().get(media.mLineIndex());
            assertEquals(9, answered.port());
            List<String> payloadTypes = media.rtx().isPresent()
                    ? List.of(String.valueOf(media.codec().payloadType()), String.valueOf(media.rtxPayloadType().getAsInt()))
                    : List.of(String.valueOf(media.codec().payloadType()));
            assertEquals(payloadTypes, answered.formats());
            assertEquals(media.codec(), answered.attributes().codec(media.codec().payloadType()).orElseThrow());
            assertEquals(media.extensions(), answered.attributes().extensions());
            assertEquals(Optional.of(media.direction()), answered.attributes().direction());
            assertEquals(Optional.of(Offers.SERVER_ICE.ufrag()), answered.attributes().iceUfrag());
            assertEquals(Optional.of(Offers.SERVER_ICE.password()), answered.attributes().icePwd());
            assertEquals(List.of(Offers.SERVER_FINGERPRINT), answered.attributes().fingerprints());
            assertTrue(answered.attributes().rtcpMux());
            assertEquals(Optional.of("trickle"), answered.attributes().value("ice-options"));
        }
    }

    @Test
    void negotiatesChromesAudioAndVideo() throws SdpException {
        NegotiatedSession session = Offers.answer(Offers.read(Offers.AUDIO_VIDEO)).session();

        assertEquals(new IceCredentials("Wq7N", "Kp4b9Qx2LrT8vZ1mN6sYdH3c"), session.remoteIce());
        assertEquals("sha-256", session.remoteFingerprint().hashFunction());
        assertArrayEquals(HexFormat.ofDelimiter(":").parseHex(
                "A5:4D:CA:18:25:30:BB:1D:6D:13:2C:DE:D6:23:7B:2E:D9:1E:3F:72:1F:CB:19:71:17:44:94:D6:49:3C:9D:5C"),
                session.remoteFingerprint().bytes());
        assertEquals(DtlsRole.SERVER, session.dtlsRole());
        assertEquals(List.of("0", "1"), session.bundleMids());
        assertEquals(List.of(), session.remoteCandidates());
        assertEquals("0", session.transportMedia().mid());

        NegotiatedMedia audio = session.media(MediaKind.AUDIO).orElseThrow();
        assertEquals(0, audio.mLineIndex());
        assertEquals("0", audio.mid());
        assertEquals(Direction.SENDRECV, audio.direction());
        // The answer asks the browser for DTX: silent participants then send (and cost) almost nothing.
        assertEquals(new RtpCodec(111, "opus", 48000, 2, "minptime=10;useinbandfec=1;usedtx=1",
                List.of(RtcpFeedback.TRANSPORT_CC)), audio.codec());
        assertEquals(OptionalInt.empty(), audio.rtxPayloadType());
        assertEquals(OptionalInt.of(1), audio.extensionId(HeaderExtension.AUDIO_LEVEL));
        assertEquals(OptionalInt.of(2), audio.extensionId(HeaderExtension.ABS_SEND_TIME));
        assertEquals(OptionalInt.of(3), audio.extensionId(HeaderExtension.TRANSPORT_WIDE_CC));
        assertEquals(OptionalInt.of(4), audio.extensionId(HeaderExtension.SDES_MID));
        assertTrue(audio.rtcpReducedSize());
        assertEquals(List.of(new RemoteSource(2853621987L, OptionalLong.empty(), "r2Dk8sQmT4vYw1Zx")),
                audio.remoteSources());

        NegotiatedMedia video = session.media(MediaKind.VIDEO).orElseThrow();
        assertEquals(1, video.mLineIndex());
        assertEquals(96, video.codec().payloadType());
        assertEquals(OptionalInt.of(97), video.rtxPayloadType());
        assertEquals(List.of(), video.rtx().orElseThrow().feedback());
        assertEquals(List.of(RtcpFeedback.REMB, RtcpFeedback.TRANSPORT_CC, RtcpFeedback.FIR, RtcpFeedback.NACK,
                RtcpFeedback.PLI), video.feedback());
        assertTrue(video.hasFeedback(RtcpFeedback.PLI));
        assertEquals(OptionalInt.empty(), video.extensionId("urn:ietf:params:rtp-hdrext:toffset"));
        assertEquals(OptionalInt.empty(), video.extensionId(HeaderExtension.AUDIO_LEVEL));
        assertEquals(OptionalInt.of(3), video.extensionId(HeaderExtension.TRANSPORT_WIDE_CC));
        assertEquals(List.of(new RemoteSource(1436547210L, OptionalLong.of(3020715843L), "r2Dk8sQmT4vYw1Zx")),
                video.remoteSources());
    }

    @Test
    void rejectsTheDataChannelAndMirrorsOneWayMedia() throws SdpException {
        SdpAnswer answer = Offers.answer(Offers.read(Offers.DATACHANNEL));
        NegotiatedSession session = answer.session();

        assertEquals(List.of("m=application 0 UDP/DTLS/SCTP webrtc-datachannel", "c=IN IP4 0.0.0.0", "a=mid:2"),
                Offers.section(answer.sdp(), 2));
        assertTrue(answer.sdp().contains("a=group:BUNDLE 0 1\r\n"));
        assertEquals(List.of("0", "1"), session.bundleMids());
        assertEquals(2, session.media().size());

        List<String> audio = Offers.section(answer.sdp(), 0);
        assertTrue(audio.contains("a=recvonly"), "the browser only sends audio");
        assertFalse(audio.stream().anyMatch(l -> l.startsWith("a=ssrc") || l.startsWith("a=msid")),
                "the server announces no audio source it will not send");
        assertEquals(List.of(new RemoteSource(918273645L, OptionalLong.empty(), "Fh6JpQ0wXz3LmR9t")),
                session.media(MediaKind.AUDIO).orElseThrow().remoteSources());

        List<String> video = Offers.section(answer.sdp(), 1);
        assertTrue(video.contains("a=sendonly"), "the browser only receives video");
        assertTrue(video.containsAll(List.of("a=msid:chorus chorus-video", "a=ssrc-group:FID 22222222 33333333",
                "a=ssrc:22222222 cname:chorus-cname", "a=ssrc:33333333 msid:chorus chorus-video")));
        assertEquals(Direction.SENDONLY, session.media(MediaKind.VIDEO).orElseThrow().direction());
        assertEquals(List.of(), session.media(MediaKind.VIDEO).orElseThrow().remoteSources());

        assertEquals(new IceCredentials("b3Rt", "Hs8dLq2Wv5Nx7Zc1Tg4Jm0Ye"), session.remoteIce());
        assertEquals(List.of("host", "srflx", "host"), session.remoteCandidates().stream().map(IceCandidate::type).toList());
        assertEquals("tcp", session.remoteCandidates().get(2).transport());
    }

    @Test
    void takesConstrainedBaselineH264AndTheDtlsClientRoleFromAPassiveOffer() throws SdpException {
        SdpAnswer answer = Offers.answer(Offers.read(Offers.H264_PASSIVE));
        List<String> video = Offers.section(answer.sdp(), 1);

        assertEquals("m=video 9 UDP/TLS/RTP/SAVPF 106 109", video.get(0));
        assertTrue(video.containsAll(List.of("a=rtpmap:106 H264/90000",
                "a=fmtp:106 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
                "a=rtpmap:109 rtx/90000", "a=fmtp:109 apt=106", "a=setup:active")));
        assertEquals(DtlsRole.CLIENT, answer.session().dtlsRole());
        assertEquals(List.of(new RemoteSource(2718281828L, OptionalLong.of(1618033988L), "Zt5QwErTy8UiOp2A")),
                answer.session().media(MediaKind.VIDEO).orElseThrow().remoteSources());
    }

    @ParameterizedTest(name = "offer setup:{0} -> answer setup:{1}, server is DTLS {2}")
    @CsvSource({"actpass, passive, SERVER", "active, passive, SERVER", "passive, active, CLIENT"})
    void mapsTheSetupRole(String offered, String answered, DtlsRole role) throws SdpException {
        SdpAnswer answer = Offers.answer(Offers.read(Offers.AUDIO_VIDEO).replace("a=setup:actpass", "a=setup:" + offered));
        assertEquals(role, answer.session().dtlsRole());
        assertEquals(2, count(answer.sdp(), "a=setup:" + answered + "\r\n"));
        assertEquals(2, count(answer.sdp(), "a=setup:"));
    }

    @Test
    void anOfferWithoutSetupIsActiveAsRfc4145Says() throws SdpException {
        SdpAnswer answer = Offers.answer(Offers.read(Offers.AUDIO_VIDEO).replace("a=setup:actpass\r\n", ""));
        assertEquals(DtlsRole.SERVER, answer.session().dtlsRole());
        assertTrue(answer.sdp().contains("a=setup:passive\r\n"));
    }

    @Test
    void refusesToHoldTheConnection() {
        SdpException e = assertThrows(SdpException.class, () -> Offers.answer(
                Offers.read(Offers.AUDIO_VIDEO).replace("a=setup:actpass", "a=setup:holdconn")));
        assertTrue(e.getMessage().contains("holdconn"), e.getMessage());
    }

    @ParameterizedTest(name = "offer {0} -> answer {1}")
    @CsvSource({"sendrecv, sendrecv, true", "sendonly, recvonly, false", "recvonly, sendonly, true",
            "inactive, inactive, false"})
    void mirrorsTheDirection(String offered, String answered, boolean serverSends) throws SdpException {
        SdpAnswer answer = Offers.answer(Offers.read(Offers.AUDIO_VIDEO).replace("a=sendrecv", "a=" + offered));
        for (int i = 0; i < 2; i++) {
            List<String> section = Offers.section(answer.sdp(), i);
            assertTrue(section.contains("a=" + answered), section::toString);
            assertEquals(serverSends, section.stream().anyMatch(l -> l.startsWith("a=ssrc:")));
            assertEquals(serverSends, section.stream().anyMatch(l -> l.startsWith("a=msid:")));
            assertEquals(Direction.valueOf(answered.toUpperCase()), answer.session().media().get(i).direction());
        }
    }

    @Test
    void aSessionLevelDirectionAppliesToMLinesThatStateNone() throws SdpException {
        String offer = Offers.read(Offers.AUDIO_VIDEO).replace("a=sendrecv\r\n", "")
                .replace("t=0 0\r\n", "t=0 0\r\na=sendonly\r\n");
        assertEquals(Direction.RECVONLY, Offers.answer(offer).session().media().get(1).direction());
    }

    @Test
    void rejectsVideoWithoutVp8OrH264ButKeepsAudio() throws SdpException {
        String offer = Offers.read(Offers.AUDIO_VIDEO)
                .replaceAll("m=video 9 UDP/TLS/RTP/SAVPF [0-9 ]+", "m=video 9 UDP/TLS/RTP/SAVPF 98 99 45 46");
        SdpAnswer answer = Offers.answer(offer);
        assertEquals(List.of("m=video 0 UDP/TLS/RTP/SAVPF 98", "c=IN IP4 0.0.0.0", "a=mid:1"),
                Offers.section(answer.sdp(), 1));
        assertTrue(answer.sdp().contains("a=group:BUNDLE 0\r\n"));
        assertEquals(List.of("0"), answer.session().bundleMids());
        assertEquals(Optional.empty(), answer.session().media(MediaKind.VIDEO));
    }

    @Test
    void rejectsH264InPacketizationMode0Only() throws SdpException {
        String offer = Offers.read(Offers.H264_PASSIVE)
                .replace("m=video 9 UDP/TLS/RTP/SAVPF 102 103 104 105 106 109 127 121 125 107 108",
                        "m=video 9 UDP/TLS/RTP/SAVPF 104 105 127 121");
        assertEquals("m=video 0 UDP/TLS/RTP/SAVPF 104", Offers.section(Offers.answer(offer).sdp(), 1).get(0));
    }

    @Test
    void rejectsAudioWithoutOpusButKeepsVideo() throws SdpException {
        String offer = Offers.read(Offers.AUDIO_VIDEO).replace("m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126",
                "m=audio 9 UDP/TLS/RTP/SAVPF 9 0 8");
        SdpAnswer answer = Offers.answer(offer);
        assertEquals(List.of("m=audio 0 UDP/TLS/RTP/SAVPF 9", "c=IN IP4 0.0.0.0", "a=mid:0"),
                Offers.section(answer.sdp(), 0));
        assertEquals(List.of("1"), answer.session().bundleMids());
        assertEquals("1", answer.session().transportMedia().mid());
        assertEquals(1, answer.session().transportMedia().mLineIndex());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "m=audio 9 UDP/TLS/RTP/SAVPF 111 | m=audio 0 UDP/TLS/RTP/SAVPF 111 | m=audio 0 UDP/TLS/RTP/SAVPF 111",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111 | m=audio 9 RTP/AVP 111 | m=audio 0 RTP/AVP 111",
            "a=rtcp-mux\\r\\na=rtcp-rsize\\r\\na=rtpmap:111 | a=rtcp-rsize\\r\\na=rtpmap:111 | m=audio 0 UDP/TLS/RTP/SAVPF 111",
            "a=group:BUNDLE 0 1 | a=group:BUNDLE 1 | m=audio 0 UDP/TLS/RTP/SAVPF 111",
    })
    void rejectsAudioTheTransportCannotCarry(String from, String to, String expectedMLine) throws SdpException {
        String offer = Offers.read(Offers.AUDIO_VIDEO)
                .replace("m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126", "m=audio 9 UDP/TLS/RTP/SAVPF 111")
                .replace(from.replace("\\r\\n", "\r\n"), to.replace("\\r\\n", "\r\n"));
        SdpAnswer answer = Offers.answer(offer);
        assertEquals(expectedMLine, Offers.section(answer.sdp(), 0).get(0));
        assertEquals(List.of(MediaKind.VIDEO), answer.session().media().stream().map(NegotiatedMedia::kind).toList());
    }

    @Test
    void acceptsABundleOnlyMLineDespiteItsPort0() throws SdpException {
        String offer = Offers.read(Offers.AUDIO_VIDEO).replace("m=video 9 ", "m=video 0 ")
                .replace("a=mid:1\r\n", "a=mid:1\r\na=bundle-only\r\n");
        assertEquals("m=video 9 UDP/TLS/RTP/SAVPF 96 97", Offers.section(Offers.answer(offer).sdp(), 1).get(0));
    }

    @Test
    void acceptsOneMLinePerKind() throws SdpException {
        String offer = Offers.read(Offers.AUDIO_VIDEO);
        String secondVideo = offer.substring(offer.indexOf("m=video")).replace("a=mid:1", "a=mid:2");
        offer = offer.replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 0 1 2") + secondVideo;
        SdpAnswer answer = Offers.answer(offer);
        assertEquals(List.of("m=video 0 UDP/TLS/RTP/SAVPF 96", "c=IN IP4 0.0.0.0", "a=mid:2"),
                Offers.section(answer.sdp(), 2));
        assertEquals(List.of("0", "1"), answer.session().bundleMids());
    }

    @Test
    void withoutBundleOnlyTheFirstAcceptableMLineIsTaken() throws SdpException {
        SdpAnswer answer = Offers.answer(Offers.read(Offers.AUDIO_VIDEO).replace("a=group:BUNDLE 0 1\r\n", ""));
        assertFalse(answer.sdp().contains("a=group"), "an answer may not bundle what the offer did not");
        assertEquals(List.of(), answer.session().bundleMids());
        assertEquals("m=audio 9 UDP/TLS/RTP/SAVPF 111", Offers.section(answer.sdp(), 0).get(0));
        assertEquals("m=video 0 UDP/TLS/RTP/SAVPF 96", Offers.section(answer.sdp(), 1).get(0));
        assertEquals(0, answer.session().transportMedia().mLineIndex());
    }

    @Test
    void readsTransportAttributesFromTheSessionLevel() throws SdpException {
        String offer = Offers.read(Offers.H264_PASSIVE);
        String ufrag = "a=ice-ufrag:pQ2z\r\n";
        String pwd = "a=ice-pwd:Lm9Xc4Vb7Nq1Wr5Ty8Ui3Op6\r\n";
        String fingerprint = offer.lines().filter(l -> l.startsWith("a=fingerprint")).findFirst().orElseThrow() + "\r\n";
        offer = offer.replace(ufrag, "").replace(pwd, "").replace(fingerprint, "").replace("a=setup:passive\r\n", "")
                .replace("t=0 0\r\n", "t=0 0\r\n" + ufrag + pwd + fingerprint + "a=setup:passive\r\n");
        NegotiatedSession session = Offers.answer(offer).session();
        assertEquals(new IceCredentials("pQ2z", "Lm9Xc4Vb7Nq1Wr5Ty8Ui3Op6"), session.remoteIce());
        assertEquals(DtlsRole.CLIENT, session.dtlsRole());
        assertEquals(fingerprint.substring("a=fingerprint:".length()).strip(),
                session.remoteFingerprint().sdpAttributeValue());
    }

    @Test
    void prefersASha256FingerprintAmongSeveral() throws SdpException {
        String sha1 = "a=fingerprint:sha-1 00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13\r\n";
        String offer = Offers.read(Offers.AUDIO_VIDEO).replace("a=setup:actpass", sha1.strip() + "\r\na=setup:actpass");
        assertEquals("sha-256", Offers.answer(offer).session().remoteFingerprint().hashFunction());
        String onlySha1 = offer.replaceAll("a=fingerprint:sha-256 [0-9A-F:]+\r\n", "");
        assertEquals("sha-1", Offers.answer(onlySha1).session().remoteFingerprint().hashFunction());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a=ice-ufrag:Wq7N\\r\\n| a=ice-ufrag",
            "a=ice-pwd:Kp4b9Qx2LrT8vZ1mN6sYdH3c\\r\\n| a=ice-pwd",
            "a=fingerprint:sha-256 A5:4D:CA:18:25:30:BB:1D:6D:13:2C:DE:D6:23:7B:2E:D9:1E:3F:72:1F:CB:19:71:17:44:94:D6:49:3C:9D:5C\\r\\n| a=fingerprint",
    })
    void refusesAnOfferWithoutIceCredentialsOrFingerprint(String removed, String named) {
        String offer = Offers.read(Offers.AUDIO_VIDEO).replace(removed.replace("\\r\\n", "\r\n"), "");
        SdpException e = assertThrows(SdpException.class, () -> Offers.answer(offer));
        assertTrue(e.getMessage().contains(named.strip()), e.getMessage());
    }

    @Test
    void refusesAnOfferWithNothingAcceptable() {
        String offer = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1\r\n"
                + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:0\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 98\r\na=mid:1\r\na=rtcp-mux\r\na=rtpmap:98 VP9/90000\r\n";
        SdpException e = assertThrows(SdpException.class, () -> Offers.answer(offer));
        assertEquals("the offer has no m-line the server can accept: m-line 0 (application): the server takes only "
                + "audio and video; m-line 1 (video): neither VP8 nor H.264 with packetization-mode=1", e.getMessage());
        assertThrows(SdpException.class, () -> Offers.answer("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n"));
    }

    @Test
    void announcesGivenCandidatesOnTheTransportMLine() throws SdpException {
        IceCandidate host = IceCandidate.parse("candidate:1 1 udp 2130706431 192.0.2.10 10000 typ host");
        IceCandidate srflx = IceCandidate.parse(
                "candidate:11 1 udp 1694498815 198.51.100.1 10000 typ srflx raddr 192.0.2.10 rport 10000");
        LocalTransport transport = new LocalTransport(Offers.SERVER_ICE, Offers.SERVER_FINGERPRINT,
                List.of(host, srflx), true);
        String answer = SdpAnswerer.answer(Offers.read(Offers.AUDIO_VIDEO), transport, Offers.SERVER_MEDIA).sdp();

        List<String> audio = Offers.section(answer, 0);
        assertEquals("m=audio 10000 UDP/TLS/RTP/SAVPF 111", audio.get(0));
        assertEquals("c=IN IP4 192.0.2.10", audio.get(1));
        assertEquals("a=rtcp:10000 IN IP4 192.0.2.10", audio.get(2));
        assertEquals(List.of("a=candidate:" + host.toSdpValue(), "a=candidate:" + srflx.toSdpValue(),
                "a=end-of-candidates"), audio.subList(audio.size() - 3, audio.size()));

        List<String> video = Offers.section(answer, 1);
        assertEquals("m=video 10000 UDP/TLS/RTP/SAVPF 96 97", video.get(0));
        assertFalse(video.stream().anyMatch(l -> l.startsWith("a=candidate") || l.equals("a=end-of-candidates")),
                "bundled m-lines share the tagged m-line's candidates");

        SdpAttributes parsed = SdpParser.parse(answer).media().get(0).attributes();
        assertEquals(List.of(host, srflx), parsed.candidates());
        assertTrue(parsed.endOfCandidates());
    }

    @Test
    void saysNothingAboutTheEndOfCandidatesWhileGatheringGoesOn() throws SdpException {
        LocalTransport transport = new LocalTransport(Offers.SERVER_ICE, Offers.SERVER_FINGERPRINT,
                List.of(IceCandidate.parse("candidate:1 1 udp 2130706431 2001:db8::10 10000 typ host")), false);
        String answer = SdpAnswerer.answer(Offers.read(Offers.AUDIO_VIDEO), transport, Offers.SERVER_MEDIA).sdp();
        assertTrue(answer.contains("c=IN IP6 2001:db8::10\r\n"));
        assertTrue(answer.contains("a=candidate:1 1 udp 2130706431 2001:db8::10 10000 typ host\r\n"));
        assertFalse(answer.contains("end-of-candidates"));
        assertFalse(Offers.answer(Offers.read(Offers.AUDIO_VIDEO)).sdp().contains("candidate"));
    }

    @Test
    void leavesOutRtxSsrcsWhenRtxIsNotNegotiated() throws SdpException {
        String offer = Offers.read(Offers.AUDIO_VIDEO).replace("a=fmtp:97 apt=96\r\n", "");
        SdpAnswer answer = Offers.answer(offer);
        List<String> video = Offers.section(answer.sdp(), 1);
        assertEquals("m=video 9 UDP/TLS/RTP/SAVPF 96", video.get(0));
        assertFalse(video.stream().anyMatch(l -> l.startsWith("a=ssrc-group") || l.startsWith("a=ssrc:33333333")));
        assertTrue(video.contains("a=ssrc:22222222 cname:chorus-cname"));
    }

    @Test
    void mirrorsAnExtmapDirection() throws SdpException {
        String offer = Offers.read(Offers.AUDIO_VIDEO).replace("a=extmap:1 urn", "a=extmap:1/sendonly urn");
        assertTrue(Offers.section(Offers.answer(offer).sdp(), 0)
                .contains("a=extmap:1/recvonly urn:ietf:params:rtp-hdrext:ssrc-audio-level"));
    }

    @Test
    void remoteSourcesSkipRepairStreamsAndKeepSimulcastLayers() throws SdpException {
        String offer = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\na=mid:0\r\na=rtcp-mux\r\na=ice-ufrag:abcd\r\n"
                + "a=ice-pwd:abcdefghijklmnopqrstuv\r\na=fingerprint:" + Offers.SERVER_FINGERPRINT.sdpAttributeValue() + "\r\n"
                + "a=rtpmap:96 VP8/90000\r\na=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\n"
                + "a=ssrc-group:SIM 1 2\r\na=ssrc-group:FID 1 11\r\na=ssrc-group:FID 2 22\r\n"
                + "a=ssrc:1 cname:c\r\na=ssrc:11 cname:c\r\na=ssrc:2 cname:c\r\na=ssrc:22 cname:c\r\n";
        assertEquals(List.of(new RemoteSource(1, OptionalLong.of(11), "c"), new RemoteSource(2, OptionalLong.of(22), "c")),
                Offers.answer(offer).session().media().get(0).remoteSources());
    }

    @Test
    void mutatedOffersOnlyEverRaiseSdpException() {
        Random random = new Random(2718L);
        String replacements = " :/=\r\n0123456789-abcDEF*";
        int answered = 0;
        for (String name : Offers.ALL) {
            char[] offer = Offers.read(name).toCharArray();
            for (int i = 0; i < 1000; i++) {
                char[] mutated = offer.clone();
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    mutated[random.nextInt(mutated.length)] = replacements.charAt(random.nextInt(replacements.length()));
                }
                answered += answersOrThrowsSdpException(new String(mutated)) ? 1 : 0;
            }
        }
        assertTrue(answered > 100, "only " + answered + " mutated offers were answered");
    }

    @Test
    void everyTruncatedOfferIsAnsweredOrRefusedWithSdpException() {
        String offer = Offers.read(Offers.DATACHANNEL);
        for (int length = 0; length < offer.length(); length += 3) {
            answersOrThrowsSdpException(offer.substring(0, length));
        }
        assertFalse(answersOrThrowsSdpException(offer.substring(0, offer.indexOf("m=audio"))));
    }

    @Test
    void answersEveryOfferIdenticallyWithLfLineEnds() throws SdpException {
        for (String name : Offers.ALL) {
            String crlf = Offers.answer(Offers.read(name)).sdp();
            String lf = Offers.answer(Offers.read(name).replace("\r\n", "\n")).sdp();
            assertEquals(crlf.substring(crlf.indexOf("s=")), lf.substring(lf.indexOf("s=")), name);
        }
    }

    private static boolean answersOrThrowsSdpException(String offer) {
        try {
            SdpAnswer answer = Offers.answer(offer);
            SdpParser.parse(answer.sdp());
            return true;
        } catch (SdpException expected) {
            return false;
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
