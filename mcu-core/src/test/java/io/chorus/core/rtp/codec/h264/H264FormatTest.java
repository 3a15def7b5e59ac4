package io.chorus.core.rtp.codec.h264;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.codec.VideoPayloadFormat.FrameStart;
import io.chorus.core.rtp.codec.VideoPayloadFormat.Fragment;

class H264FormatTest {
    private final H264Format format = new H264Format();

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private Fragment parse(byte[] payload) throws MalformedPacketException {
        return format.parse(payload, 0, payload.length);
    }

    @Test
    void aSingleNalUnitPacketIsTheNalUnitBehindAStartCode() throws Exception {
        // RFC 6184 section 5.6: the payload is the NAL unit, header included. NRI 3, type 5 (IDR).
        Fragment f = parse(bytes(0x65, 0x88, 0x84, 0x21));
        assertArrayEquals(bytes(0, 0, 0, 1, 0x65, 0x88, 0x84, 0x21), f.data());
        assertTrue(f.keyFrame());
        assertEquals(FrameStart.POSSIBLE, f.start());
        Fragment slice = parse(bytes(0x41, 0x9A));
        assertFalse(slice.keyFrame());
    }

    @Test
    void aStapAIsExpandedToItsNalUnits() throws Exception {
        // RFC 6184 figure 7: STAP-A header, then each NAL unit behind its 16-bit size.
        byte[] sps = bytes(0x67, 0x42, 0xC0, 0x1E);
        byte[] pps = bytes(0x68, 0xCE, 0x3C, 0x80);
        byte[] stap = bytes(0x78, 0x00, 0x04, 0x67, 0x42, 0xC0, 0x1E, 0x00, 0x04, 0x68, 0xCE, 0x3C, 0x80);
        Fragment f = parse(stap);
        byte[] expected = new byte[16];
        System.arraycopy(bytes(0, 0, 0, 1), 0, expected, 0, 4);
        System.arraycopy(sps, 0, expected, 4, 4);
        System.arraycopy(bytes(0, 0, 0, 1), 0, expected, 8, 4);
        System.arraycopy(pps, 0, expected, 12, 4);
        assertArrayEquals(expected, f.data());
        assertEquals(FrameStart.CERTAIN, f.start(), "an access unit that opens with an SPS");
        assertFalse(f.keyFrame());
        assertTrue(parse(bytes(0x78, 0x00, 0x01, 0x67, 0x00, 0x02, 0x65, 0x88)).keyFrame(), "IDR inside");
    }

    @Test
    void fuAFragmentsRebuildTheNalHeaderOnlyAtTheStart() throws Exception {
        // RFC 6184 figures 14 and 15: FU indicator (F, NRI, 28), FU header (S, E, R, type).
        Fragment start = parse(bytes(0x7C, 0x85, 0xB8, 0x00));
        assertArrayEquals(bytes(0, 0, 0, 1, 0x65, 0xB8, 0x00), start.data());
        assertEquals(FrameStart.POSSIBLE, start.start());
        assertTrue(start.keyFrame());
        Fragment middle = parse(bytes(0x7C, 0x05, 0x11, 0x22));
        assertArrayEquals(bytes(0x11, 0x22), middle.data());
        assertEquals(FrameStart.NO, middle.start());
        // Found by H264DepacketizerFuzzTest: when every fragment said IDR, FU-A middles of an IDR whose
        // start was not in the frame, glued to a P slice, made the access unit a key frame.
        assertFalse(middle.keyFrame(), "only the start, which carries the NAL header, shows an IDR");
        Fragment end = parse(bytes(0x5C, 0x41, 0x33));
        assertArrayEquals(bytes(0x33), end.data());
        assertEquals(FrameStart.NO, end.start());
        assertFalse(end.keyFrame());
    }

    @Test
    void anAccessUnitDelimiterStartsAFrameForCertain() throws Exception {
        assertEquals(FrameStart.CERTAIN, parse(bytes(0x09, 0xF0)).start());
        assertEquals(FrameStart.CERTAIN, parse(bytes(0x1C, 0x87, 0x42)).start(), "FU-A start of an SPS");
    }

    @Test
    void malformedPayloadsAreRejected() {
        byte[][] bad = {
                {},
                bytes(0x85, 1),                 // forbidden bit
                bytes(0x00, 1),                 // type 0: reserved
                bytes(0x79, 0, 1, 0x65),        // STAP-B: mode 2 only
                bytes(0x7A, 0, 1),              // MTAP16
                bytes(0x7D, 0x85, 1),           // FU-B
                bytes(0x7E, 1),                 // type 30: reserved
                bytes(0x78),                    // STAP-A without NAL units
                bytes(0x78, 0),                 // STAP-A truncated size
                bytes(0x78, 0, 9, 0x67, 0x42),  // STAP-A size overruns
                bytes(0x78, 0, 1, 0x67, 0, 5),  // second size overruns
                bytes(0x78, 0, 0),              // zero-size NAL
                bytes(0x78, 0, 1, 0xE7),        // forbidden bit inside
                bytes(0x78, 0, 1, 0x7C),        // FU-A inside a STAP-A
                bytes(0x7C),                    // FU-A without FU header
                bytes(0x7C, 0x85),              // FU-A without payload
                bytes(0x7C, 0xC5, 1),           // FU-A start and end at once
                bytes(0x7C, 0x98, 1),           // FU-A of a STAP-A
        };
        for (byte[] b : bad) {
            assertThrows(MalformedPacketException.class, () -> parse(b), Arrays.toString(b));
        }
    }

    @Test
    void randomBytesAndTruncationsOnlyEverFailAsMalformed() {
        Random random = new Random(6184);
        byte[][] valid = {
                bytes(0x78, 0x00, 0x04, 0x67, 0x42, 0xC0, 0x1E, 0x00, 0x04, 0x68, 0xCE, 0x3C, 0x80),
                bytes(0x7C, 0x85, 0xB8, 0x00), bytes(0x65, 0x88, 0x84, 0x21)};
        for (byte[] v : valid) {
            for (int length = 0; length <= v.length; length++) {
                parseQuietly(Arrays.copyOf(v, length));
            }
        }
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[random.nextInt(24)];
            random.nextBytes(b);
            parseQuietly(b);
        }
    }

    private void parseQuietly(byte[] b) {
        try {
            parse(b);
        } catch (MalformedPacketException expected) {
            // rejected cleanly; anything unchecked fails the test
        }
    }
}
