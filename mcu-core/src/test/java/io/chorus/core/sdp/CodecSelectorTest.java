package io.chorus.core.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.chorus.core.rtp.MediaKind;

class CodecSelectorTest {

    @Test
    void prefersVp8AndItsRtxInChromesFullList() throws SdpException {
        CodecChoice choice = select(MediaKind.VIDEO, Offers.parse(Offers.AUDIO_VIDEO).media().get(1).codecs());
        assertEquals(96, choice.codec().payloadType());
        assertEquals(Optional.of(97), choice.rtx().map(RtpCodec::payloadType));
    }

    @Test
    void prefersConstrainedBaselineH264WhenThereIsNoVp8() throws SdpException {
        CodecChoice choice = select(MediaKind.VIDEO, Offers.parse(Offers.H264_PASSIVE).media().get(1).codecs());
        assertEquals(106, choice.codec().payloadType(), "42e01f beats the earlier-listed 42001f");
        assertEquals(Optional.of("42e01f"), choice.codec().fmtpParameter("profile-level-id"));
        assertEquals(Optional.of(109), choice.rtx().map(RtpCodec::payloadType));
    }

    @Test
    void fallsBackToBaselineThenToAnyProfileInPacketizationMode1() {
        List<RtpCodec> offered = new ArrayList<>(List.of(
                h264(100, "profile-level-id=640c1f;packetization-mode=1"),
                h264(101, "profile-level-id=42001f;packetization-mode=0"),
                h264(102, "packetization-mode=1;profile-level-id=42001F"),
                rtx(103, 102)));
        assertEquals(102, select(MediaKind.VIDEO, offered).codec().payloadType(), "42001f, case-insensitive");
        assertEquals(Optional.of(103), select(MediaKind.VIDEO, offered).rtx().map(RtpCodec::payloadType));

        offered.remove(2);
        CodecChoice high = select(MediaKind.VIDEO, offered);
        assertEquals(100, high.codec().payloadType());
        assertEquals(Optional.empty(), high.rtx(), "the RTX for 102 does not repair 100");
    }

    @Test
    void refusesH264WithoutPacketizationMode1AndOtherVideoCodecs() {
        assertEquals(Optional.empty(), CodecSelector.select(MediaKind.VIDEO, List.of(
                h264(100, "profile-level-id=42e01f;packetization-mode=0"),
                h264(101, "profile-level-id=42e01f"),
                codec(98, "VP9", 90000, 1, "profile-id=0"),
                codec(45, "AV1", 90000, 1, null),
                codec(96, "VP8", 8000, 1, null))));
    }

    @Test
    void picksStereoOpusOnly() {
        List<RtpCodec> offered = List.of(codec(0, "PCMU", 8000, 1, null), codec(110, "opus", 48000, 1, null),
                codec(111, "OPUS", 48000, 2, "minptime=10"), codec(96, "VP8", 90000, 1, null));
        CodecChoice choice = select(MediaKind.AUDIO, offered);
        assertEquals(111, choice.codec().payloadType());
        assertEquals(Optional.empty(), choice.rtx());
        assertEquals(Optional.empty(), CodecSelector.select(MediaKind.AUDIO, offered.subList(0, 2)));
    }

    @Test
    void rtxMustNameTheChosenPayloadType() {
        CodecChoice choice = select(MediaKind.VIDEO, List.of(rtx(97, 98), codec(96, "VP8", 90000, 1, null),
                codec(99, "rtx", 90000, 1, null), rtx(100, 96)));
        assertEquals(Optional.of(100), choice.rtx().map(RtpCodec::payloadType));
    }

    private static CodecChoice select(MediaKind kind, List<RtpCodec> offered) {
        Optional<CodecChoice> choice = CodecSelector.select(kind, offered);
        assertTrue(choice.isPresent(), "no codec chosen from " + offered);
        return choice.get();
    }

    private static RtpCodec h264(int payloadType, String fmtp) {
        return codec(payloadType, "H264", 90000, 1, fmtp);
    }

    private static RtpCodec rtx(int payloadType, int apt) {
        return codec(payloadType, "rtx", 90000, 1, "apt=" + apt);
    }

    private static RtpCodec codec(int payloadType, String encoding, int clockRate, int channels, String fmtp) {
        return new RtpCodec(payloadType, encoding, clockRate, channels, fmtp, List.of());
    }
}
