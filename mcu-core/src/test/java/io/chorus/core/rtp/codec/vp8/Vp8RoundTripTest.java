package io.chorus.core.rtp.codec.vp8;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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
}
