package io.chorus.core.rtp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;

/**
 * The assembler's rules on a toy payload format: first byte S (certain frame start), P (possible
 * start) or C (continuation); second byte K (key frame) or D; the rest is frame data. Frame
 * {@code n} has timestamp {@code 3000 n}.
 */
class VideoFrameAssemblerTest {
    private static final class ToyFormat implements VideoPayloadFormat {
        @Override
        public Fragment parse(byte[] b, int offset, int length) throws MalformedPacketException {
            if (length < 2) {
                throw new MalformedPacketException("toy payload of " + length + " bytes");
            }
            FrameStart start = switch (b[offset]) {
                case 'S' -> FrameStart.CERTAIN;
                case 'P' -> FrameStart.POSSIBLE;
                default -> FrameStart.NO;
            };
            byte[] data = new byte[length - 2];
            System.arraycopy(b, offset + 2, data, 0, data.length);
            return new Fragment(data, start, b[offset + 1] == 'K');
        }

        @Override
        public Dimensions dimensions(byte[] keyFrame) {
            return new Dimensions(32, 18);
        }
    }

    private final VideoFrameAssembler assembler = new VideoFrameAssembler(new ToyFormat());

    /** One packet of frame {@code frame}: kind "SK", "SD", "PK", "PD", "CK" or "CD". */
    private static RtpPacket packet(int seq, int frame, boolean marker, String kind) {
        byte[] payload = {(byte) kind.charAt(0), (byte) kind.charAt(1), (byte) frame, (byte) seq};
        return RtpStreams.packet(seq & 0xFFFF, 3000L * frame, marker, payload);
    }

    private static RtpPacket padding(int seq, int frame) {
        return RtpStreams.packet(seq & 0xFFFF, 3000L * frame, false, new byte[0]);
    }

    /** Frames 0 to {@code frames - 1}, {@code packetsPerFrame} packets each from {@code firstSeq}; keys as listed. */
    private static List<RtpPacket> stream(int firstSeq, int frames, int packetsPerFrame, int... keyFrames) {
        return streamFrom(firstSeq, 0, frames, packetsPerFrame, keyFrames);
    }

    private static List<RtpPacket> streamFrom(int firstSeq, int firstFrame, int frames, int packetsPerFrame,
            int... keyFrames) {
        List<RtpPacket> packets = new ArrayList<>();
        int seq = firstSeq;
        for (int f = firstFrame; f < firstFrame + frames; f++) {
            boolean key = contains(keyFrames, f);
            for (int i = 0; i < packetsPerFrame; i++) {
                String kind = (i == 0 ? "S" : "C") + (key ? "K" : "D");
                packets.add(packet(seq++, f, i == packetsPerFrame - 1, kind));
            }
        }
        return packets;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private List<Integer> pushAll(List<RtpPacket> packets) throws MalformedPacketException {
        List<Integer> released = new ArrayList<>();
        for (RtpPacket p : packets) {
            for (EncodedFrame f : assembler.push(p)) {
                released.add((int) (f.timestamp() / 3000));
            }
        }
        return released;
    }

    @Test
    void framesLeaveAsTheyCompleteWithTheirSequenceNumbersAndKeyFrameSize() throws Exception {
        List<EncodedFrame> out = RtpStreams.pushAll(assembler, stream(100, 3, 2, 0));
        assertEquals(3, out.size());
        EncodedFrame key = out.get(0);
        assertArrayEquals(new byte[] {0, 100, 0, 101}, key.data());
        assertTrue(key.keyFrame());
        assertEquals(32, key.width());
        assertEquals(100, key.firstSequence());
        assertEquals(101, key.lastSequence());
        assertFalse(out.get(1).keyFrame());
        assertEquals(0, out.get(1).width(), "size is read from key frames only");
        assertEquals(0, assembler.framesDropped());
        assertFalse(assembler.needsKeyFrame());
    }

    @ParameterizedTest(name = "frame starting at {0}")
    @ValueSource(ints = {65533, 65534, 65535, 0})
    void aFrameAcrossTheSequenceWrapIsWholeInEveryArrivalOrder(int firstSeq) throws Exception {
        int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] order : orders) {
            VideoFrameAssembler fresh = new VideoFrameAssembler(new ToyFormat());
            List<RtpPacket> frame = stream(firstSeq, 1, 3, 0);
            List<EncodedFrame> out = new ArrayList<>();
            for (int i : order) {
                out.addAll(fresh.push(frame.get(i)));
            }
            assertEquals(1, out.size(), "order " + java.util.Arrays.toString(order));
            byte[] s = {(byte) firstSeq, (byte) (firstSeq + 1), (byte) (firstSeq + 2)};
            assertArrayEquals(new byte[] {0, s[0], 0, s[1], 0, s[2]}, out.get(0).data());
            assertEquals(firstSeq, out.get(0).firstSequence());
            assertEquals((firstSeq + 2) & 0xFFFF, out.get(0).lastSequence());
        }
    }

    @Test
    void duplicatesAndPacketsOfReleasedFramesAreIgnored() throws Exception {
        List<RtpPacket> packets = stream(10, 2, 2, 0);
        assertEquals(List.of(), pushAll(List.of(packets.get(0), packets.get(0))));
        assertEquals(List.of(0), pushAll(List.of(packets.get(1), packets.get(1), packets.get(0))));
        assertEquals(List.of(1), pushAll(List.of(packets.get(2), packets.get(3), packets.get(3))));
        assertEquals(0, assembler.framesDropped());
    }

    @Test
    void aMissingMiddlePacketDropsItsFrameAndWithholdsDeltaFramesUntilTheNextKeyFrame() throws Exception {
        List<RtpPacket> packets = stream(65530, 20, 3, 0, 15);
        packets.remove(3 * 3 + 1); // the middle packet of frame 3

        List<Integer> released = new ArrayList<>();
        boolean askedBeforeKeyFrame = false;
        for (RtpPacket p : packets) {
            released.addAll(pushAll(List.of(p)));
            if (p.timestamp() < 3000L * 15) {
                askedBeforeKeyFrame |= assembler.needsKeyFrame();
            }
        }

        assertEquals(List.of(0, 1, 2, 15, 16, 17, 18, 19), released);
        assertTrue(askedBeforeKeyFrame, "the loss was reported before the key frame came");
        assertEquals(12, assembler.framesDropped(), "frame 3 and the deltas 4-14 that depend on it");
        assertFalse(assembler.needsKeyFrame());
    }

    @Test
    void framesWaitForAHoleUntilEightLaterFramesAreComplete() throws Exception {
        List<RtpPacket> packets = stream(0, 12, 2, 0);
        RtpPacket hole = packets.remove(2); // first packet of frame 1
        assertEquals(List.of(0), pushAll(packets.subList(0, 2 + 1 + 2 * 7)), "frames 2-8 wait");
        assertFalse(assembler.needsKeyFrame());
        assertEquals(List.of(), pushAll(packets.subList(17, 19)), "frame 9 completes the eighth: give up");
        assertTrue(assembler.needsKeyFrame());
        assertEquals(List.of(), pushAll(List.of(hole)), "too late now");
        assertEquals(1 + 8, assembler.framesDropped());
    }

    @Test
    void aHoleFilledInTimeLosesNothing() throws Exception {
        List<RtpPacket> packets = stream(65000, 10, 3, 0);
        RtpPacket late = packets.remove(4);
        assertEquals(List.of(0), pushAll(packets.subList(0, 15)), "up to the first packet of frame 5");
        assertEquals(List.of(1, 2, 3, 4), pushAll(List.of(late)));
        assertEquals(List.of(5, 6, 7, 8, 9), pushAll(packets.subList(15, packets.size())));
        assertEquals(0, assembler.framesDropped());
        assertFalse(assembler.needsKeyFrame());
    }

    @Test
    void aKeyFrameBehindAHoleWaitsLikeAnyFrameUnlessOneIsAwaited() throws Exception {
        List<RtpPacket> packets = stream(0, 4, 2, 0, 2);
        RtpPacket late = packets.remove(3); // the last packet of frame 1
        assertEquals(List.of(0), pushAll(packets.subList(0, 5)), "key frame 2 waits: frame 1 may still come");
        assertEquals(List.of(1, 2, 3), pushAll(List.of(packets.get(5), packets.get(6), late)));

        VideoFrameAssembler afterLoss = new VideoFrameAssembler(new ToyFormat());
        List<RtpPacket> lossy = stream(0, 14, 1, 0, 12);
        lossy.remove(1);
        List<Integer> released = new ArrayList<>();
        for (RtpPacket p : lossy) {
            afterLoss.push(p).forEach(f -> released.add((int) (f.timestamp() / 3000)));
        }
        assertEquals(List.of(0, 12, 13), released, "once a key frame is awaited it leaves at once");
    }

    @Test
    void aStreamThatStartsOnADeltaFrameAsksForAKeyFrameAtOnce() throws Exception {
        List<RtpPacket> packets = stream(500, 3, 2, 2);
        assertEquals(List.of(), pushAll(packets.subList(2, 4)));
        assertTrue(assembler.needsKeyFrame());
        assertFalse(assembler.needsKeyFrame(), "reading the flag clears it");
        assertEquals(List.of(2), pushAll(packets.subList(4, 6)), "the first frame released is a key frame");
    }

    @Test
    void aKeyFrameReorderedBehindTheFirstDeltaFrameIsWaitedForWithoutAsking() throws Exception {
        List<RtpPacket> packets = stream(500, 2, 2, 0);
        assertEquals(List.of(), pushAll(List.of(packets.get(1), packets.get(2), packets.get(3))));
        assertFalse(assembler.needsKeyFrame(), "part of an earlier frame is here: the key frame is only late");
        assertEquals(List.of(0, 1), pushAll(List.of(packets.get(0))));
    }

    @Test
    void paddingBetweenFramesIsNoHole() throws Exception {
        List<RtpPacket> packets = new ArrayList<>();
        packets.add(padding(9, 0));
        packets.addAll(stream(10, 1, 2, 0));
        packets.add(padding(12, 0));
        packets.add(padding(13, 0));
        List<RtpPacket> frame1 = streamFrom(14, 1, 1, 2);
        packets.add(frame1.get(1)); // reordered around the padding
        packets.add(padding(16, 1));
        packets.add(frame1.get(0));
        packets.addAll(streamFrom(17, 2, 2, 2));
        assertEquals(List.of(0, 1, 2, 3), pushAll(packets));
        assertEquals(0, assembler.framesDropped());
        assertFalse(assembler.needsKeyFrame());
    }

    @Test
    void aPossibleStartAfterAHoleIsNotTrustedButACertainOneIs() throws Exception {
        // Frame 1 is two NAL-like units and its first packet is lost: its second, a possible start,
        // must not pass for a whole frame. A certain start can: then 8 complete frames follow the
        // hole one frame sooner.
        for (String kind : List.of("PD", "SD")) {
            VideoFrameAssembler fresh = new VideoFrameAssembler(new ToyFormat());
            fresh.push(packet(0, 0, true, "SK"));
            int completeAfterHole = 0;
            for (int f = 1; !fresh.needsKeyFrame() && f < 20; f++) {
                fresh.push(packet(f + 1, f, true, kind));
                completeAfterHole++;
            }
            assertEquals(kind.equals("PD") ? 9 : 8, completeAfterHole, kind);
        }
    }

    @Test
    void memoryIsBoundedByTheCapacityAndOverflowCounts() throws Exception {
        VideoFrameAssembler small = new VideoFrameAssembler(new ToyFormat(), 16);
        small.push(packet(0, 0, false, "SK")); // a key frame whose end never comes
        for (int seq = 1; seq < 40; seq++) {
            assertEquals(List.of(), small.push(packet(seq, 0, false, "CK")));
        }
        assertTrue(small.needsKeyFrame());
        assertEquals(1, small.framesDropped());
        List<EncodedFrame> out = small.push(packet(40, 1, true, "SK"));
        assertEquals(1, out.size(), "a new key frame after the overflow");
        assertThrows(IllegalArgumentException.class, () -> new VideoFrameAssembler(new ToyFormat(), 100));
    }

    @Test
    void aSenderThatRestartsItsSequenceNumbersIsFollowedAfterTwoPackets() throws Exception {
        assertEquals(List.of(0, 1), pushAll(stream(1000, 2, 1, 0)));
        // 40000 lies more than half the sequence space ahead: it unwraps behind the stream.
        assertEquals(List.of(), pushAll(List.of(packet(40000, 2, false, "SK"))), "a single far packet is suspect");
        assertEquals(List.of(), pushAll(List.of(packet(40001, 2, true, "CK"))), "confirmed: start over");
        assertEquals(List.of(3, 4), pushAll(List.of(packet(40002, 3, true, "SK"), packet(40003, 4, true, "SD"))));
    }

    @Test
    void aStrayFarPacketDoesNotDisturbTheStream() throws Exception {
        assertEquals(List.of(0), pushAll(stream(1000, 1, 1, 0)));
        assertEquals(List.of(), pushAll(List.of(packet(20000, 9, true, "SK"))));
        assertEquals(List.of(1, 2), pushAll(List.of(packet(1001, 1, true, "SD"), packet(1002, 2, true, "SD"))));
        assertEquals(0, assembler.framesDropped());
    }

    @Test
    void aMalformedPacketIsRejectedAndCountsAsLost() throws Exception {
        assertEquals(List.of(0), pushAll(stream(0, 1, 1, 0)));
        RtpPacket bad = RtpStreams.packet(1, 3000, true, new byte[] {'S'});
        assertThrows(MalformedPacketException.class, () -> assembler.push(bad));
        pushAll(stream(2, 10, 1).subList(2, 10));
        assertTrue(assembler.needsKeyFrame());
    }
}
