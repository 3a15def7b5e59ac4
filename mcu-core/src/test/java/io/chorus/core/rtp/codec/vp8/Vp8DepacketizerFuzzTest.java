package io.chorus.core.rtp.codec.vp8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.rtp.codec.Depacketizer;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.FuzzedRtpStream;
import io.chorus.core.rtp.codec.PayloadFormats;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes VP8 depacketization (RFC 7741): the payload descriptor and frame header parsers behind the frame
 * assembler, on a stream of packets read by {@link FuzzedRtpStream}. Contract: a packet is refused only with
 * {@link MalformedPacketException}; released frames start with a key frame and each begins with the frame
 * header its key-frame flag and size come from; and the frames, packetized again by {@link Vp8Packetizer}
 * (at a small and the default MTU) and depacketized, come out the same. Without JAZZER_FUZZ this replays
 * the inputs under {@code Vp8DepacketizerFuzzTestInputs/depacketize/}.
 */
class Vp8DepacketizerFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void depacketize(byte[] input) throws MalformedPacketException {
        List<RtpPacket> packets = FuzzedRtpStream.decode(input, 3000);
        for (RtpPacket packet : packets) {
            checkDescriptor(packet);
        }
        Depacketizer depacketizer = PayloadFormats.depacketizer("VP8");
        List<EncodedFrame> frames = FuzzedRtpStream.pushAll(depacketizer, packets);
        FuzzedRtpStream.assertVideoFrameRules(frames);
        for (EncodedFrame frame : frames) {
            Vp8FrameHeader header = Vp8FrameHeader.parse(frame.data(), 0, frame.data().length);
            assertEquals(header.keyFrame(), frame.keyFrame(), "key-frame flag differs from the frame's own header");
            assertEquals(header.size().width(), frame.width());
            assertEquals(header.size().height(), frame.height());
        }
        for (int mtu : new int[]{Vp8Packetizer.MIN_MTU, 1200}) {
            FuzzedRtpStream.assertSameFrames(frames, FuzzedRtpStream.depacketizeAgain("VP8", frames, mtu));
        }
    }

    /** A descriptor that parses is written back to the same bytes, its reserved bits aside. */
    private static void checkDescriptor(RtpPacket packet) throws MalformedPacketException {
        Vp8Descriptor descriptor;
        try {
            descriptor = Vp8Descriptor.parse(packet.buffer(), packet.payloadOffset(), packet.payloadLength());
        } catch (MalformedPacketException refused) {
            return;
        }
        assertTrue(descriptor.length() <= packet.payloadLength());
        byte[] written = new byte[descriptor.length()];
        assertEquals(written.length, descriptor.write(written, 0));
        assertEquals(descriptor, Vp8Descriptor.parse(written, 0, written.length));
    }
}
