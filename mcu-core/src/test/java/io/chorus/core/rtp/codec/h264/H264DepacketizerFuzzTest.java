package io.chorus.core.rtp.codec.h264;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.rtp.codec.Depacketizer;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.FuzzedRtpStream;
import io.chorus.core.rtp.codec.PayloadFormats;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes H.264 depacketization (RFC 6184 mode 1: single NAL unit, STAP-A, FU-A) behind the frame assembler,
 * and the SPS parser that reads picture sizes, on a stream of packets read by {@link FuzzedRtpStream}.
 * Contract: a packet is refused only with {@link MalformedPacketException}; released access units start
 * with a key frame, are Annex B, and hold an IDR slice when flagged as key frames; and each access unit in
 * canonical form (4-byte start codes, codec NAL units, no trailing zero bytes), packetized again by
 * {@link H264Packetizer} at a small and the default MTU and depacketized, comes out the same.
 * <p>
 * Not checked, as the depacketizer does not promise it: that an access unit not flagged as a key frame
 * holds no IDR slice. NAL unit bodies pass through unchecked, so a body that hides a start code (which
 * H.264 section 7.4.1 forbids, and emulation prevention rules out for real encoders) puts a NAL unit in
 * the byte stream that the RTP packets did not show; inside an FU-A the hidden start code can straddle
 * two fragments, so no check of one packet can catch it (saved input
 * {@code crash-009a3c6fb215cecd4c1464ff21d2888c30ef0c75}: an IDR inside a P slice). Without JAZZER_FUZZ
 * this replays the inputs under {@code H264DepacketizerFuzzTestInputs/depacketize/}.
 */
class H264DepacketizerFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void depacketize(byte[] input) throws MalformedPacketException {
        List<RtpPacket> packets = FuzzedRtpStream.decode(input, 3000);
        for (RtpPacket packet : packets) {
            if (packet.payloadLength() > 0
                    && NalUnitTypes.of(packet.buffer()[packet.payloadOffset()]) == NalUnitTypes.SPS) {
                try {
                    H264Sps.parse(packet.buffer(), packet.payloadOffset(), packet.payloadLength());
                } catch (MalformedPacketException refused) {
                    // a damaged SPS: the size stays unknown
                }
            }
        }
        Depacketizer depacketizer = PayloadFormats.depacketizer("H264");
        List<EncodedFrame> frames = FuzzedRtpStream.pushAll(depacketizer, packets);
        FuzzedRtpStream.assertVideoFrameRules(frames);
        for (EncodedFrame frame : frames) {
            assertTrue(startsWithStartCode(frame.data()), "access unit not in Annex B form");
        }

        List<EncodedFrame> canonical = new ArrayList<>();
        for (EncodedFrame frame : frames) {
            H264AccessUnit accessUnit = H264AccessUnit.describe(frame.data());
            if (frame.keyFrame()) {
                assertTrue(accessUnit.idr(), "a key frame without an IDR slice");
            }
            if (isCanonical(frame.data()) && (!canonical.isEmpty() || frame.keyFrame())) {
                // Packetized again, the NAL units are those of the byte stream, so an IDR slice hidden
                // inside another NAL unit (see the class comment) becomes visible.
                canonical.add(new EncodedFrame(frame.data(), frame.timestamp(), accessUnit.idr(),
                        accessUnit.idr() ? accessUnit.dimensions().width() : 0,
                        accessUnit.idr() ? accessUnit.dimensions().height() : 0));
            }
        }
        for (int mtu : new int[]{H264Packetizer.MIN_MTU, 1200}) {
            FuzzedRtpStream.assertSameFrames(canonical, FuzzedRtpStream.depacketizeAgain("H264", canonical, mtu));
        }
    }

    private static boolean startsWithStartCode(byte[] data) {
        return data.length > 4 && data[0] == 0 && data[1] == 0 && data[2] == 0 && data[3] == 1;
    }

    /** Start code, NAL unit, start code, NAL unit...: exactly what packetizing and depacketizing make of it. */
    private static boolean isCanonical(byte[] accessUnit) {
        List<NalUnits.Span> nals = NalUnits.split(accessUnit);
        int pos = 0;
        for (NalUnits.Span nal : nals) {
            byte header = accessUnit[nal.offset()];
            if (nal.offset() != pos + H264Format.START_CODE.length || accessUnit[pos] != 0 || (header & 0x80) != 0
                    || !NalUnitTypes.isCodecNal(NalUnitTypes.of(header))) {
                return false;
            }
            pos = nal.offset() + nal.length();
        }
        return !nals.isEmpty() && pos == accessUnit.length;
    }
}
