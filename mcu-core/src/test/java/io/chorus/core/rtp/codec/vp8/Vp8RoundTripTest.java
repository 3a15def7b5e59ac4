package io.chorus.core.rtp.codec.vp8;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.rtp.codec.Depacketizer;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.PayloadFormats;
import io.chorus.core.rtp.codec.RtpStreams;

class Vp8RoundTripTest {
    @ParameterizedTest(name = "seed {0}, first sequence {1}, MTU {2}, reorder window {3}")
    @CsvSource({"1, 0, 1200, 1", "2, 65530, 1200, 4", "3, 65535, 1200, 8", "4, 65000, 200, 16", "5, 100, 1200, 30"})
    void framesSurvivePacketizingReorderingAndTheSequenceWrap(long seed, int firstSeq, int mtu, int window)
            throws Exception {
        Random random = new Random(seed);
        List<EncodedFrame> frames = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            frames.add(Vp8Frames.frame(i, 10 + random.nextInt(10_000 - 10 + 1), 20, random));
        }
        List<RtpPacket> packets = RtpStreams.packetize(new Vp8Packetizer(mtu), frames, firstSeq, mtu);
        Depacketizer depacketizer = PayloadFormats.depacketizer("VP8");

        List<EncodedFrame> out = RtpStreams.pushAll(depacketizer, RtpStreams.shuffleWithin(packets, window, random));

        assertEquals(frames.size(), out.size());
        int seq = firstSeq;
        for (int i = 0; i < frames.size(); i++) {
            EncodedFrame sent = frames.get(i);
            EncodedFrame got = out.get(i);
            assertArrayEquals(sent.data(), got.data(), "frame " + i);
            assertEquals(sent.timestamp(), got.timestamp());
            assertEquals(sent.keyFrame(), got.keyFrame());
            assertEquals(sent.keyFrame() ? 640 : 0, got.width());
            assertEquals(sent.keyFrame() ? 360 : 0, got.height());
            assertEquals(seq, got.firstSequence(), "frame " + i + " first sequence number");
            seq = (got.lastSequence() + 1) & 0xFFFF;
        }
        assertEquals(0, depacketizer.framesDropped());
        assertFalse(depacketizer.needsKeyFrame());
    }

    /**
     * Found by Vp8DepacketizerFuzzTest: a packet with S=1 and partition 0 in the middle of a delta frame,
     * carrying a key frame header, made the whole frame a key frame, which a receiver waiting for one
     * then took (and stopped asking for a key frame). Only the frame's first packet says what it is.
     */
    @Test
    void aStrayKeyFrameHeaderInsideADeltaFrameDoesNotMakeItAKeyFrame() throws Exception {
        Random random = new Random(6);
        byte[] key = Vp8Frames.keyFrame(40, random);
        byte[] delta = Vp8Frames.deltaFrame(40, random);
        byte[] stray = Vp8Frames.keyFrame(40, random);
        List<RtpPacket> packets = List.of(
                RtpStreams.packet(10, 0, true, payload(true, key)),
                RtpStreams.packet(11, 3000, false, payload(true, delta)),
                RtpStreams.packet(12, 3000, true, payload(true, stray)),
                RtpStreams.packet(13, 6000, true, payload(true, Vp8Frames.keyFrame(40, random))));
        Depacketizer depacketizer = PayloadFormats.depacketizer("VP8");

        List<EncodedFrame> out = RtpStreams.pushAll(depacketizer, packets);

        assertEquals(3, out.size());
        assertTrue(out.get(0).keyFrame());
        assertFalse(out.get(1).keyFrame(), "the frame's own header says delta");
        assertEquals(0, out.get(1).width());
        assertTrue(out.get(2).keyFrame());
    }

    private static byte[] payload(boolean start, byte[] frameData) {
        Vp8Descriptor descriptor = Vp8Descriptor.withPictureId(start, 1);
        byte[] payload = new byte[descriptor.length() + frameData.length];
        descriptor.write(payload, 0);
        System.arraycopy(frameData, 0, payload, descriptor.length(), frameData.length);
        return payload;
    }
}
