package io.chorus.core.rtp.codec.vp8;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.rtp.codec.Depacketizer;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.PayloadFormats;
import io.chorus.core.rtp.codec.RtpPayload;

class Vp8RoundTripTest {
    /** A VP8 key frame header: frame tag (key, show), start code 9d 01 2a, 640x360. */
    static byte[] keyFrame(int size, Random random) {
        byte[] frame = new byte[size];
        random.nextBytes(frame);
        frame[0] = 0x10;
        frame[3] = (byte) 0x9D;
        frame[4] = 0x01;
        frame[5] = 0x2A;
        frame[6] = (byte) (640 & 0xFF);
        frame[7] = (byte) (640 >> 8);
        frame[8] = (byte) (360 & 0xFF);
        frame[9] = (byte) (360 >> 8);
        return frame;
    }

    static byte[] deltaFrame(int size, Random random) {
        byte[] frame = new byte[size];
        random.nextBytes(frame);
        frame[0] = 0x11;
        return frame;
    }

    static List<RtpPacket> packets(List<EncodedFrame> frames, int firstSeq) {
        Vp8Packetizer packetizer = new Vp8Packetizer(1200);
        List<RtpPacket> packets = new ArrayList<>();
        int seq = firstSeq;
        for (EncodedFrame frame : frames) {
            for (RtpPayload p : packetizer.packetize(frame)) {
                assertTrue(p.data().length <= 1200, "MTU respected");
                packets.add(RtpPacket.create(96, seq, frame.timestamp(), 1, p.marker(), p.data(), 0, p.data().length, 0));
                seq = (seq + 1) & 0xFFFF;
            }
        }
        return packets;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 65530, 65535})
    void reorderedPacketsAcrossTheSequenceWrapYieldTheOriginalFramesInOrder(int firstSeq) throws Exception {
        Random random = new Random(firstSeq);
        List<EncodedFrame> frames = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int size = 10 + random.nextInt(10_000);
            byte[] data = i % 10 == 0 ? keyFrame(Math.max(size, 10), random) : deltaFrame(size, random);
            frames.add(new EncodedFrame(data, 3000L * i, i % 10 == 0, 0, 0));
        }
        List<RtpPacket> packets = packets(frames, firstSeq);
        for (int i = 0; i + 4 <= packets.size(); i += 4) {
            Collections.shuffle(packets.subList(i, i + 4), random);
        }
        Depacketizer depacketizer = PayloadFormats.depacketizer("VP8");
        List<EncodedFrame> out = new ArrayList<>();
        for (RtpPacket p : packets) {
            out.addAll(depacketizer.push(p));
        }
        assertEquals(frames.size(), out.size());
        for (int i = 0; i < frames.size(); i++) {
            assertArrayEquals(frames.get(i).data(), out.get(i).data(), "frame " + i);
            assertEquals(frames.get(i).timestamp(), out.get(i).timestamp());
            assertEquals(i % 10 == 0, out.get(i).keyFrame());
        }
        assertEquals(640, out.get(0).width());
        assertEquals(360, out.get(0).height());
        assertEquals(0, depacketizer.framesDropped());
    }

    @Test
    void aLostPacketWithholdsDeltaFramesUntilTheNextKeyFrame() throws Exception {
        Random random = new Random(1);
        List<EncodedFrame> frames = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] data = i == 0 || i == 15 ? keyFrame(3000, random) : deltaFrame(3000, random);
            frames.add(new EncodedFrame(data, 3000L * i, false, 0, 0));
        }
        List<RtpPacket> packets = packets(frames, 65000);
        packets.remove(9); // frame 3 has three packets: 9, 10, 11 -> frame 3 lost
        Depacketizer depacketizer = PayloadFormats.depacketizer("VP8");
        List<Long> released = new ArrayList<>();
        boolean askedForKeyFrame = false;
        for (RtpPacket p : packets) {
            depacketizer.push(p).forEach(f -> released.add(f.timestamp() / 3000));
            askedForKeyFrame |= depacketizer.needsKeyFrame();
        }
        assertEquals(List.of(0L, 1L, 2L, 15L, 16L, 17L, 18L, 19L), released);
        assertTrue(askedForKeyFrame);
        assertTrue(depacketizer.framesDropped() >= 12);
    }

    @Test
    void theFirstFrameReleasedIsAKeyFrame() throws Exception {
        Random random = new Random(2);
        List<EncodedFrame> frames = List.of(new EncodedFrame(deltaFrame(100, random), 0, false, 0, 0),
                new EncodedFrame(keyFrame(100, random), 3000, true, 0, 0),
                new EncodedFrame(deltaFrame(100, random), 6000, false, 0, 0));
        Depacketizer depacketizer = PayloadFormats.depacketizer("VP8");
        List<EncodedFrame> out = new ArrayList<>();
        for (RtpPacket p : packets(frames, 10)) {
            out.addAll(depacketizer.push(p));
        }
        assertEquals(List.of(3000L, 6000L), out.stream().map(EncodedFrame::timestamp).toList());
        assertTrue(depacketizer.needsKeyFrame(), "starting on a delta frame asks for a key frame at once");
    }

    @Test
    void aStreamJoinedWithoutKeyFrameAsksForOne() throws Exception {
        Random random = new Random(3);
        List<EncodedFrame> frames = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            frames.add(new EncodedFrame(deltaFrame(100, random), 3000L * i, false, 0, 0));
        }
        Depacketizer depacketizer = PayloadFormats.depacketizer("VP8");
        List<EncodedFrame> out = new ArrayList<>();
        for (RtpPacket p : packets(frames, 10)) {
            out.addAll(depacketizer.push(p));
        }
        assertTrue(out.isEmpty(), "nothing decodable was released");
        assertTrue(depacketizer.needsKeyFrame());
        assertFalse(depacketizer.needsKeyFrame(), "reading the flag clears it");
    }

    @Test
    void parsesEveryDescriptorForm() throws Exception {
        // X=1 S=1 PID=0; I=1 L=1 T=1 K=0; M=1 picture id 0x1234; TL0PICIDX; TID/Y/KEYIDX; payload
        byte[] full = {(byte) 0x90, (byte) 0xE0, (byte) 0x92, 0x34, 0x05, 0x40, 0x42};
        Vp8Descriptor d = Vp8Descriptor.parse(full, 0, full.length);
        assertEquals(6, d.length());
        assertTrue(d.start());
        assertEquals(0x1234, d.pictureId());
        byte[] shortPid = {(byte) 0x80, (byte) 0x80, 0x17, 0x42};
        assertEquals(0x17, Vp8Descriptor.parse(shortPid, 0, shortPid.length).pictureId());
        byte[] minimal = {0x13, 0x42};
        Vp8Descriptor m = Vp8Descriptor.parse(minimal, 0, 2);
        assertEquals(1, m.length());
        assertEquals(3, m.partition());
        assertEquals(-1, m.pictureId());
    }

    @Test
    void malformedDescriptorsAreRejected() {
        byte[] full = {(byte) 0x90, (byte) 0xE0, (byte) 0x92, 0x34, 0x05, 0x40, 0x42};
        for (int len = 0; len < full.length; len++) {
            int n = len;
            assertThrows(MalformedPacketException.class, () -> Vp8Descriptor.parse(full, 0, n), "length " + len);
        }
    }

    @Test
    void randomPayloadsNeverEscapeAsUncheckedExceptions() {
        Random random = new Random(7741);
        Depacketizer depacketizer = PayloadFormats.depacketizer("VP8");
        for (int i = 0; i < 5000; i++) {
            byte[] payload = new byte[random.nextInt(40)];
            random.nextBytes(payload);
            RtpPacket p = RtpPacket.create(96, random.nextInt(65536), random.nextInt(5), 1, random.nextBoolean(),
                    payload, 0, payload.length, 0);
            try {
                depacketizer.push(p);
            } catch (MalformedPacketException expected) {
                // rejected cleanly
            }
        }
    }
}
