package io.chorus.core.rtp.codec.h264;

import static io.chorus.core.rtp.codec.h264.H264FormatTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.chorus.core.MalformedPacketException;

class RbspBitReaderTest {
    @Test
    void decodesExpGolombCodes() throws Exception {
        // H.264 table 9-2: 1 -> 0, 010 -> 1, 011 -> 2, 00100 -> 3, 00111 -> 6; se: 010 -> 1, 011 -> -1.
        // Bits: 1 010 011 00100 00111 010 011 then padding: 1010 0110 0100 0011 1010 0110
        RbspBitReader r = new RbspBitReader(bytes(0xA6, 0x43, 0xA6), 0, 3);
        assertEquals(0, r.unsigned());
        assertEquals(1, r.unsigned());
        assertEquals(2, r.unsigned());
        assertEquals(3, r.unsigned());
        assertEquals(6, r.unsigned());
        assertEquals(1, r.signed());
        assertEquals(-1, r.signed());
    }

    @Test
    void skipsEmulationPreventionBytes() throws Exception {
        // 00 00 03 01 on the wire is 00 00 01 in the RBSP.
        RbspBitReader r = new RbspBitReader(bytes(0x00, 0x00, 0x03, 0x01, 0xFF), 0, 5);
        assertEquals(0, r.bits(8));
        assertEquals(0, r.bits(8));
        assertEquals(1, r.bits(8));
        assertEquals(0xFF, r.bits(8));
    }

    @Test
    void aThreeAfterOtherBytesIsData() throws Exception {
        RbspBitReader r = new RbspBitReader(bytes(0x00, 0x03, 0x00, 0x03), 0, 4);
        assertEquals(0x0003_0003, r.bits(32));
    }

    @Test
    void runningOutOrAnOverlongCodeIsMalformed() throws Exception {
        RbspBitReader r = new RbspBitReader(bytes(0xFF), 0, 1);
        r.bits(8);
        assertThrows(MalformedPacketException.class, r::flag);
        RbspBitReader zeros = new RbspBitReader(new byte[8], 0, 8);
        assertThrows(MalformedPacketException.class, zeros::unsigned);
        RbspBitReader big = new RbspBitReader(bytes(0x00, 0x80, 0x00), 0, 3); // 8 zeros, 1, 8 zeros: 255
        assertThrows(MalformedPacketException.class, () -> big.unsigned(10, "field"));
    }
}
