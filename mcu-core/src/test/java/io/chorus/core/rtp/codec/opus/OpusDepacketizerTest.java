package io.chorus.core.rtp.codec.opus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.rtp.codec.EncodedFrame;

class OpusDepacketizerTest {
    private static RtpPacket packet(int seq, int... bytes) {
        byte[] payload = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            payload[i] = (byte) bytes[i];
        }
        return RtpPacket.create(111, seq, seq * 960L, 3, false, payload, 0, payload.length, 0);
    }

    @Test
    void passesPacketsThroughCountsGapsAndDropsLatePacketsAcrossTheWrap() throws Exception {
        OpusDepacketizer d = new OpusDepacketizer();
        int toc = 0x78; // config 15 (CELT-less hybrid FB 20 ms), mono, one frame
        List<EncodedFrame> first = d.push(packet(65534, toc, 1, 2));
        assertArrayEquals(new byte[] {0x78, 1, 2}, first.get(0).data());
        assertTrue(first.get(0).keyFrame());
        assertEquals(1, d.push(packet(65535, toc, 3)).size());
        assertEquals(1, d.push(packet(1, toc, 4)).size(), "seq 0 lost");
        assertEquals(1, d.packetsLost());
        assertTrue(d.push(packet(0, toc, 5)).isEmpty(), "too late to use");
        assertEquals(1, d.framesDropped());
    }

    @ParameterizedTest(name = "toc {0} -> {1} samples")
    @CsvSource({"0x78, 960", "0x00, 480", "0x18, 2880", "0x80, 120", "0xF8, 960", "0x79, 1920"})
    void tocGivesDuration(int toc, int samples) throws Exception {
        byte[] packet = {(byte) toc, 0};
        assertEquals(samples, OpusToc.parse(packet, 0, 2).durationSamples());
    }

    @Test
    void rejectsEmptyAndImpossiblePackets() {
        assertThrows(MalformedPacketException.class, () -> OpusToc.parse(new byte[0], 0, 0));
        assertThrows(MalformedPacketException.class, () -> OpusToc.parse(new byte[] {0x7B}, 0, 1), "code 3, no count");
        assertThrows(MalformedPacketException.class, () -> OpusToc.parse(new byte[] {0x7B, 0}, 0, 2), "zero frames");
        assertThrows(MalformedPacketException.class, () -> OpusToc.parse(new byte[] {0x1B, 3}, 0, 2),
                "3 x 60 ms > 120 ms");
        assertThrows(MalformedPacketException.class, () -> new OpusDepacketizer().push(packet(1)));
    }
}
