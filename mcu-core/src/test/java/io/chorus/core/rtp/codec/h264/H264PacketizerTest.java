package io.chorus.core.rtp.codec.h264;

import static io.chorus.core.rtp.codec.h264.H264FormatTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.RtpPayload;

class H264PacketizerTest {
    /** x264's SPS and PPS for 640x360 baseline (see {@link H264SpsTest}). */
    static final byte[] SPS = HexFormat.of().parseHex("6742c01ed900a02ff970110000030001000003003c0f162e48");
    static final byte[] PPS = HexFormat.of().parseHex("68cb83cb20");

    static byte[] nal(int header, int size, Random random) {
        byte[] nal = new byte[size];
        random.nextBytes(nal);
        for (int i = 1; i < size; i++) {
            if (nal[i] == 0) {
                nal[i] = 1; // no start code inside the body
            }
        }
        nal[0] = (byte) header;
        return nal;
    }

    static byte[] annexB(byte[]... nals) {
        int size = 0;
        for (byte[] n : nals) {
            size += 4 + n.length;
        }
        byte[] out = new byte[size];
        int pos = 0;
        for (byte[] n : nals) {
            out[pos + 3] = 1;
            System.arraycopy(n, 0, out, pos + 4, n.length);
            pos += 4 + n.length;
        }
        return out;
    }

    private static List<RtpPayload> packetize(int mtu, byte[] accessUnit) {
        return new H264Packetizer(mtu).packetize(new EncodedFrame(accessUnit, 0, true, 0, 0));
    }

    @Test
    void smallNalUnitsShareOneStapA() {
        byte[] idr = nal(0x65, 1000, new Random(1));
        List<RtpPayload> payloads = packetize(1200, annexB(SPS, PPS, idr));
        assertEquals(1, payloads.size());
        assertEquals(1 + 2 + SPS.length + 2 + PPS.length + 2 + idr.length, payloads.get(0).data().length);
        assertTrue(payloads.get(0).marker());
    }

    @Test
    void spsAndPpsTravelInOneStapAAndTheIdrAlone() {
        byte[] idr = nal(0x65, 1190, new Random(1));
        List<RtpPayload> payloads = packetize(1200, annexB(SPS, PPS, idr));
        assertEquals(2, payloads.size());
        byte[] stap = payloads.get(0).data();
        assertEquals(1 + 2 + SPS.length + 2 + PPS.length, stap.length);
        assertEquals(0x78, stap[0] & 0xFF, "F=0, NRI=3 (the highest inside), type 24");
        assertEquals(SPS.length, ((stap[1] & 0xFF) << 8) | (stap[2] & 0xFF));
        assertEquals(0x67, stap[3] & 0xFF);
        assertFalse(payloads.get(0).marker());
        assertArrayEquals(idr, payloads.get(1).data());
        assertTrue(payloads.get(1).marker());
    }

    @Test
    void aNalUnitLargerThanTheMtuBecomesEvenFuAFragments() {
        byte[] idr = nal(0x65, 2501, new Random(2));
        List<RtpPayload> payloads = packetize(1000, annexB(idr));
        assertEquals(3, payloads.size(), "2500 body bytes in fragments of at most 998");
        int pos = 1;
        for (int i = 0; i < 3; i++) {
            byte[] p = payloads.get(i).data();
            assertEquals(2 + (i < 1 ? 834 : 833), p.length);
            assertEquals(0x7C, p[0] & 0xFF, "FU indicator keeps F and NRI");
            int expectedHeader = (i == 0 ? 0x80 : 0) | (i == 2 ? 0x40 : 0) | 5;
            assertEquals(expectedHeader, p[1] & 0xFF);
            for (int j = 2; j < p.length; j++) {
                assertEquals(idr[pos++], p[j]);
            }
            assertEquals(i == 2, payloads.get(i).marker());
        }
        assertEquals(idr.length, pos);
    }

    @Test
    void aNalUnitThatFitsExactlyIsSentAlone() {
        byte[] slice = nal(0x41, 300, new Random(3));
        List<RtpPayload> payloads = packetize(300, annexB(slice, slice));
        assertEquals(2, payloads.size());
        assertArrayEquals(slice, payloads.get(0).data());
        assertArrayEquals(slice, payloads.get(1).data());
    }

    @Test
    void threeAndFourByteStartCodesAndTrailingZerosAreUnderstood() {
        byte[] stream = bytes(0, 0, 1, 0x67, 0x42, 0, 0, 0, 1, 0x68, 0xCE, 0, 0, 1, 0x65, 0x88, 0, 0);
        byte[] stap = packetize(1200, stream).get(0).data();
        assertArrayEquals(bytes(0x78, 0, 2, 0x67, 0x42, 0, 2, 0x68, 0xCE, 0, 2, 0x65, 0x88), stap);
    }

    @Test
    void refusesAFrameWithoutNalUnitsAndATinyMtu() {
        assertThrows(IllegalArgumentException.class, () -> packetize(1200, bytes(1, 2, 3)));
        assertThrows(IllegalArgumentException.class, () -> new H264Packetizer(H264Packetizer.MIN_MTU - 1));
    }
}
