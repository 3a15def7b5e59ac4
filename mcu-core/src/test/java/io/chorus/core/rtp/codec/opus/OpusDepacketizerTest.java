package io.chorus.core.rtp.codec.opus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.PayloadFormats;
import io.chorus.core.rtp.codec.RtpPayload;
import io.chorus.core.rtp.codec.RtpStreams;

class OpusDepacketizerTest {
    private final OpusDepacketizer depacketizer = new OpusDepacketizer();

    private static RtpPacket packet(int seq, int... bytes) {
        byte[] payload = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            payload[i] = (byte) bytes[i];
        }
        return RtpStreams.packet(seq & 0xFFFF, (seq & 0xFFFF) * 960L, false, payload);
    }

    @Test
    void eachPacketIsAFrameAtOnce() throws Exception {
        List<EncodedFrame> out = depacketizer.push(packet(7, 0x78, 1, 2));
        assertEquals(1, out.size());
        EncodedFrame frame = out.get(0);
        assertArrayEquals(new byte[] {0x78, 1, 2}, frame.data());
        assertEquals(7 * 960L, frame.timestamp());
        assertTrue(frame.keyFrame());
        assertEquals(7, frame.firstSequence());
        assertEquals(7, frame.lastSequence());
        assertEquals(0, depacketizer.lostBeforeLastFrame());
        assertFalse(depacketizer.needsKeyFrame(), "audio never needs one");
    }

    @Test
    void aGapAcrossTheWrapIsReportedWithTheNextFrameAndTheLatePacketDropped() throws Exception {
        assertEquals(1, depacketizer.push(packet(65534, 0x78, 1)).size());
        assertEquals(1, depacketizer.push(packet(65535, 0x78, 2)).size());
        assertEquals(0, depacketizer.lostBeforeLastFrame());
        assertEquals(1, depacketizer.push(packet(2, 0x78, 3)).size());
        assertEquals(2, depacketizer.lostBeforeLastFrame(), "0 and 1 are missing: conceal two frames");
        assertEquals(2, depacketizer.packetsLost());
        assertTrue(depacketizer.push(packet(0, 0x78, 4)).isEmpty(), "concealed already: too late");
        assertTrue(depacketizer.push(packet(2, 0x78, 3)).isEmpty(), "a duplicate");
        assertEquals(2, depacketizer.framesDropped());
        assertEquals(1, depacketizer.push(packet(3, 0x78, 5)).size());
        assertEquals(0, depacketizer.lostBeforeLastFrame());
    }

    @Test
    void aMalformedPacketIsRejectedAndLaterReportedAsAGap() throws Exception {
        depacketizer.push(packet(10, 0x78));
        assertThrows(MalformedPacketException.class, () -> depacketizer.push(packet(11)), "empty payload");
        assertThrows(MalformedPacketException.class, () -> depacketizer.push(packet(11, 0x7B, 0x00)), "no frames");
        depacketizer.push(packet(12, 0x78));
        assertEquals(1, depacketizer.lostBeforeLastFrame());
    }

    @Test
    void aSenderRestartIsFollowedWithoutAHugeGap() throws Exception {
        depacketizer.push(packet(100, 0x78));
        assertTrue(depacketizer.push(packet(40000, 0x78)).isEmpty(), "a single far packet is suspect");
        assertEquals(1, depacketizer.push(packet(40001, 0x78)).size(), "confirmed by the next one");
        assertEquals(0, depacketizer.lostBeforeLastFrame());
        assertEquals(1, depacketizer.push(packet(40002, 0x78)).size());
        assertEquals(0, depacketizer.packetsLost());
    }

    @Test
    void framesRoundTripThroughThePacketizerWithTheMarkerClear() throws Exception {
        Random random = new Random(7587);
        OpusPacketizer packetizer = new OpusPacketizer();
        List<EncodedFrame> frames = new ArrayList<>();
        List<RtpPacket> packets = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] data = new byte[1 + random.nextInt(200)];
            random.nextBytes(data);
            data[0] = 0x78;
            EncodedFrame frame = EncodedFrame.audio(data, 960L * i);
            frames.add(frame);
            List<RtpPayload> payloads = packetizer.packetize(frame);
            assertEquals(1, payloads.size());
            assertFalse(payloads.get(0).marker());
            packets.add(RtpStreams.packet((65520 + i) & 0xFFFF, frame.timestamp(), false, payloads.get(0).data()));
        }
        List<EncodedFrame> out = RtpStreams.pushAll(PayloadFormats.depacketizer("opus"), packets);
        assertEquals(frames.size(), out.size());
        for (int i = 0; i < frames.size(); i++) {
            assertArrayEquals(frames.get(i).data(), out.get(i).data());
            assertEquals(frames.get(i).timestamp(), out.get(i).timestamp());
        }
    }

    @Test
    void randomPayloadsOnlyEverFailAsMalformed() {
        Random random = new Random(1);
        for (int i = 0; i < 10_000; i++) {
            byte[] payload = new byte[random.nextInt(20)];
            random.nextBytes(payload);
            RtpStreams.rejects(depacketizer, RtpStreams.packet(random.nextInt(65536), 0, false, payload));
        }
        assertTrue(depacketizer.framesDropped() + depacketizer.packetsLost() > 0);
    }
}
