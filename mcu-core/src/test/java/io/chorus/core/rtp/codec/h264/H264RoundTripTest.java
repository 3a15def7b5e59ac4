package io.chorus.core.rtp.codec.h264;

import static io.chorus.core.rtp.codec.h264.H264PacketizerTest.PPS;
import static io.chorus.core.rtp.codec.h264.H264PacketizerTest.SPS;
import static io.chorus.core.rtp.codec.h264.H264PacketizerTest.annexB;
import static io.chorus.core.rtp.codec.h264.H264PacketizerTest.nal;
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
import io.chorus.core.rtp.codec.Dimensions;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.PayloadFormats;
import io.chorus.core.rtp.codec.RtpStreams;

class H264RoundTripTest {
    /** SPS + PPS + IDR every {@code keyInterval} access units, else one or two P slices; 10 B to 10 kB. */
    private static List<EncodedFrame> accessUnits(int count, int keyInterval, Random random) {
        List<EncodedFrame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int size = 10 + random.nextInt(10_000 - 10 + 1);
            byte[] data;
            if (i % keyInterval == 0) {
                data = annexB(SPS, PPS, nal(0x65, size, random));
            } else if (random.nextBoolean()) {
                data = annexB(nal(0x41, size, random));
            } else {
                data = annexB(nal(0x41, size / 2 + 1, random), nal(0x41, size / 2 + 1, random));
            }
            frames.add(new EncodedFrame(data, 3000L * i, i % keyInterval == 0, 0, 0));
        }
        return frames;
    }

    @ParameterizedTest(name = "seed {0}, first sequence {1}, MTU {2}, reorder window {3}")
    @CsvSource({"1, 0, 1200, 1", "2, 65530, 1200, 5", "3, 65535, 1200, 10", "4, 65500, 300, 16"})
    void accessUnitsSurvivePacketizingReorderingAndTheSequenceWrap(long seed, int firstSeq, int mtu, int window)
            throws Exception {
        Random random = new Random(seed);
        List<EncodedFrame> frames = accessUnits(40, 15, random);
        List<RtpPacket> packets = RtpStreams.packetize(new H264Packetizer(mtu), frames, firstSeq, mtu);
        Depacketizer depacketizer = PayloadFormats.depacketizer("H264");

        List<EncodedFrame> out = RtpStreams.pushAll(depacketizer, RtpStreams.shuffleWithin(packets, window, random));

        assertEquals(frames.size(), out.size());
        for (int i = 0; i < frames.size(); i++) {
            assertArrayEquals(frames.get(i).data(), out.get(i).data(), "access unit " + i);
            assertEquals(frames.get(i).timestamp(), out.get(i).timestamp());
            assertEquals(frames.get(i).keyFrame(), out.get(i).keyFrame(), "IDR is the key frame");
            assertEquals(frames.get(i).keyFrame() ? 640 : 0, out.get(i).width(), "size from the SPS");
            assertEquals(frames.get(i).keyFrame() ? 360 : 0, out.get(i).height());
        }
        assertEquals(0, depacketizer.framesDropped());
        assertFalse(depacketizer.needsKeyFrame());
    }

    @Test
    void aLostFuAStartWithholdsTheFollowingAccessUnitsUntilTheNextIdr() throws Exception {
        Random random = new Random(9);
        List<EncodedFrame> frames = accessUnits(30, 20, random);
        frames.set(3, new EncodedFrame(annexB(nal(0x41, 3000, random)), 9000, false, 0, 0));
        List<RtpPacket> packets = RtpStreams.packetize(new H264Packetizer(1200), frames, 65400, 1200);
        int fuAStart = -1;
        for (int i = 0; i < packets.size(); i++) {
            RtpPacket p = packets.get(i);
            if (p.timestamp() == 9000 && fuAStart < 0) {
                fuAStart = i;
            }
        }
        RtpPacket lost = packets.remove(fuAStart);
        assertEquals(0x5C, lost.buffer()[lost.payloadOffset()] & 0xFF, "FU indicator of a P slice");
        assertEquals(0x81, lost.buffer()[lost.payloadOffset() + 1] & 0xFF, "FU header with the start bit");

        Depacketizer depacketizer = PayloadFormats.depacketizer("H264");
        List<Long> released = new ArrayList<>();
        boolean asked = false;
        for (RtpPacket p : packets) {
            depacketizer.push(p).forEach(f -> released.add(f.timestamp() / 3000));
            asked |= depacketizer.needsKeyFrame();
        }
        List<Long> expected = new ArrayList<>(List.of(0L, 1L, 2L));
        for (long i = 20; i < 30; i++) {
            expected.add(i);
        }
        assertEquals(expected, released);
        assertTrue(asked);
        assertEquals(17, depacketizer.framesDropped(), "access unit 3 and the 16 that depend on it");
    }

    @Test
    void accessUnitDescriptionNotesParameterSets() {
        Random random = new Random(4);
        H264AccessUnit key = H264AccessUnit.describe(annexB(SPS, PPS, nal(0x65, 50, random)));
        assertEquals(new H264AccessUnit(true, true, true, new Dimensions(640, 360)), key);
        H264AccessUnit bareIdr = H264AccessUnit.describe(annexB(nal(0x65, 50, random)));
        assertTrue(bareIdr.idr());
        assertFalse(bareIdr.sps() || bareIdr.pps());
        assertEquals(Dimensions.UNKNOWN, bareIdr.dimensions());
        assertFalse(H264AccessUnit.describe(annexB(nal(0x41, 50, random))).idr());
    }
}
