package io.chorus.core.sdp;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fuzzes the offer path: {@link SdpParser} on any text, then {@link SdpAnswerer} on what parses. Contract:
 * both refuse only with {@link SdpException} (with a message); every typed view of a parsed offer works; and
 * the answer the server writes for an accepted offer, which echoes mids, payload types, codecs and extension
 * URIs from the offer, parses again with the same m-lines and the negotiated codecs, extensions and
 * directions. Without JAZZER_FUZZ this replays the inputs under {@code SdpParserFuzzTestInputs/parseOffer/}.
 */
class SdpParserFuzzTest {

    // libFuzzer's dictionary syntax has no \r or \n, only \xNN escapes: CR LF is \x0d\x0a.
    @DictionaryEntries({"\\x0d\\x0a", "\\x0a", "v=0\\x0d\\x0ao=- 1 2 IN IP4 127.0.0.1\\x0d\\x0as=-\\x0d\\x0a",
            "m=audio 9 UDP/TLS/RTP/SAVPF ", "m=video 9 UDP/TLS/RTP/SAVPF ",
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel", "a=group:BUNDLE ",
            "a=mid:", "a=rtpmap:", "a=fmtp:", "a=rtcp-fb:", "a=extmap:", "a=ssrc:", "a=ssrc-group:FID ", "a=msid:",
            "a=candidate:", "a=ice-ufrag:", "a=ice-pwd:", "a=fingerprint:sha-256 ", "a=setup:", "actpass",
            "passive", "holdconn", "a=sendrecv", "a=recvonly", "a=sendonly", "a=inactive", "a=rtcp-mux",
            "a=rtcp-rsize", "opus/48000/2", "VP8/90000", "H264/90000", "rtx/90000", "apt=",
            "packetization-mode=1", "profile-level-id=42e01f", "nack pli", "ccm fir", "transport-cc", "goog-remb",
            "urn:ietf:params:rtp-hdrext:ssrc-audio-level", "urn:ietf:params:rtp-hdrext:sdes:mid",
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01", " typ host", " udp "})
    @FuzzTest(maxDuration = "5m")
    void parseOffer(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        SessionDescription offer;
        try {
            offer = SdpParser.parse(text);
        } catch (SdpException refused) {
            assertFalse(refused.getMessage().isEmpty());
            return;
        }
        touchEveryView(offer.attributes());
        for (MediaSection section : offer.media()) {
            touchEveryView(section.attributes());
            section.codecs();
        }
        offer.bundleGroup();

        SdpAnswer answer;
        try {
            answer = SdpAnswerer.answer(offer, Offers.TRICKLE, Offers.SERVER_MEDIA);
        } catch (SdpException refused) {
            assertFalse(refused.getMessage().isEmpty());
            return;
        }
        SessionDescription parsed;
        try {
            parsed = SdpParser.parse(answer.sdp());
        } catch (SdpException e) {
            fail("the answer to an accepted offer does not parse: " + e.getMessage() + "\n" + answer.sdp());
            return;
        }
        assertEquals(offer.media().size(), parsed.media().size(), "one answer m-line per offered m-line");
        for (int i = 0; i < offer.media().size(); i++) {
            assertEquals(offer.media().get(i).kind(), parsed.media().get(i).kind());
            assertEquals(offer.media().get(i).attributes().mid(), parsed.media().get(i).attributes().mid());
        }
        NegotiatedSession session = answer.session();
        assertFalse(session.media().isEmpty());
        if (!session.bundleMids().isEmpty()) {
            assertEquals(Optional.of(new SdpGroup("BUNDLE", session.bundleMids())), parsed.bundleGroup());
        }
        for (NegotiatedMedia media : session.media()) {
            MediaSection answered = parsed.media().get(media.mLineIndex());
            assertTrue(answered.port() != 0, "accepted m-line " + media.mLineIndex() + " answered with port 0");
            String codec = String.valueOf(media.codec().payloadType());
            List<String> formats = media.rtx().isPresent()
                    ? List.of(codec, String.valueOf(media.rtxPayloadType().getAsInt()))
                    : List.of(codec);
            assertEquals(formats, answered.formats());
            assertEquals(Optional.of(media.codec()), answered.attributes().codec(media.codec().payloadType()));
            assertEquals(media.extensions(), answered.attributes().extensions());
            assertEquals(Optional.of(media.direction()), answered.attributes().direction());
            assertEquals(Optional.of(Offers.SERVER_ICE.ufrag()), answered.attributes().iceUfrag());
            assertEquals(List.of(Offers.SERVER_FINGERPRINT), answered.attributes().fingerprints());
        }
    }

    private static void touchEveryView(SdpAttributes attributes) {
        assertNotNull(attributes.all());
        attributes.mid();
        attributes.direction();
        attributes.iceUfrag();
        attributes.icePwd();
        attributes.setup();
        attributes.fingerprints();
        attributes.extensions();
        attributes.msids();
        attributes.ssrcs();
        attributes.ssrcGroups();
        attributes.groups();
        attributes.candidates();
        for (int payloadType = 0; payloadType < 128; payloadType++) {
            attributes.codec(payloadType);
        }
    }
}
