package io.chorus.core.rtp.codec.opus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.chorus.core.MalformedPacketException;

class OpusPacketTest {
    /** TOC byte then {@code extra} bytes of frame data (all 0x55). */
    static byte[] packet(int toc, int extra, int... header) {
        byte[] p = new byte[1 + header.length + extra];
        p[0] = (byte) toc;
        for (int i = 0; i < header.length; i++) {
            p[1 + i] = (byte) header[i];
        }
        for (int i = 1 + header.length; i < p.length; i++) {
            p[i] = 0x55;
        }
        return p;
    }

    private static OpusPacket parse(byte[] p) throws MalformedPacketException {
        return OpusPacket.parse(p, 0, p.length);
    }

    @ParameterizedTest(name = "config {0}: {1} samples per frame")
    @CsvSource({"0, 480", "1, 960", "2, 1920", "3, 2880", "4, 480", "7, 2880", "8, 480", "11, 2880",
            "12, 480", "13, 960", "14, 480", "15, 960", "16, 120", "17, 240", "18, 480", "19, 960",
            "23, 960", "28, 120", "31, 960"})
    void theConfigGivesTheFrameDuration(int config, int samples) {
        OpusToc toc = OpusToc.of((byte) (config << 3));
        assertEquals(config, toc.config());
        assertEquals(samples, toc.samplesPerFrame());
    }

    @Test
    void theTocCarriesStereoAndTheFrameCountCode() {
        OpusToc toc = OpusToc.of((byte) 0xFE);
        assertEquals(31, toc.config());
        assertTrue(toc.stereo());
        assertEquals(2, toc.frameCountCode());
        assertFalse(OpusToc.of((byte) 0x78).stereo());
    }

    @Test
    void realPacketsFromLibopus() throws Exception {
        // RTP payloads FFmpeg's libopus sent at 32 kb/s mono: hybrid fullband 20 ms, one frame.
        byte[] p = HexFormat.of().parseHex("7881cd855090155ba59f5141c9e786376914f4f96f6ba1a4c18b0502855e5f72727a133f"
                + "b8c9aa24bc14f5e15bed852c8d8bbf6cf3b2ef894a390823e6b42c1f11");
        OpusPacket opus = parse(p);
        assertEquals(15, opus.toc().config());
        assertFalse(opus.toc().stereo());
        assertEquals(1, opus.frameCount());
        assertEquals(960, opus.durationSamples());
    }

    @Test
    void code0IsOneFrameOfAtMost1275Bytes() throws Exception {
        assertEquals(1, parse(packet(0x78, 0)).frameCount(), "a TOC alone: an empty frame (DTX)");
        assertEquals(960, parse(packet(0x78, 1275)).durationSamples());
        assertThrows(MalformedPacketException.class, () -> parse(packet(0x78, 1276)), "R2");
        assertThrows(MalformedPacketException.class, () -> parse(new byte[0]), "R1");
    }

    @Test
    void code1IsTwoFramesOfEqualSize() throws Exception {
        OpusPacket two = parse(packet(0x79, 4));
        assertEquals(2, two.frameCount());
        assertEquals(1920, two.durationSamples());
        assertThrows(MalformedPacketException.class, () -> parse(packet(0x79, 3)), "R3: odd payload");
        assertThrows(MalformedPacketException.class, () -> parse(packet(0x79, 2552)), "R2: 1276-byte frames");
    }

    @Test
    void code2GivesTheFirstFramesLength() throws Exception {
        assertEquals(2, parse(packet(0x7A, 3, 2)).frameCount());
        assertEquals(2, parse(packet(0x7A, 256, 0xFC, 0x01)).frameCount(), "two-byte length 252 + 4");
        assertThrows(MalformedPacketException.class, () -> parse(packet(0x7A, 2, 5)), "R4: overruns");
        assertThrows(MalformedPacketException.class, () -> parse(packet(0x7A, 100, 0xFC)), "length cut short");
        assertThrows(MalformedPacketException.class, () -> parse(packet(0x7A, 0)), "no length");
    }

    @Test
    void code3CountsFramesUpTo120Milliseconds() throws Exception {
        assertEquals(3, parse(packet(0x7B, 6, 0x03)).frameCount(), "CBR, 3 x 2 bytes");
        assertEquals(5760, parse(packet(0x7B, 6, 0x06)).durationSamples(), "6 x 20 ms");
        assertEquals(48, parse(packet(0x83, 48, 48)).frameCount(), "48 x 2.5 ms CELT");
        assertEquals(2, parse(packet(0x1B, 2, 2)).frameCount(), "2 x 60 ms SILK");
        assertThrows(MalformedPacketException.class, () -> parse(packet(0x7B, 0, 0x00)), "R5: no frames");
        assertThrows(MalformedPacketException.class, () -> parse(packet(0x7B, 7, 0x07)), "R5: 140 ms");
        assertThrows(MalformedPacketException.class, () -> parse(packet(0x83, 49, 49)), "R5: 122.5 ms");
        assertThrows(MalformedPacketException.class, () -> parse(packet(0x1B, 3, 3)), "R5: 180 ms");
        assertThrows(MalformedPacketException.class, () -> parse(packet(0x7B, 5, 0x03)), "R6: 5 bytes in 3");
        assertThrows(MalformedPacketException.class, () -> parse(packet(0x7B, 0)), "no count byte");
    }

    @Test
    void code3VariableSizesAndPadding() throws Exception {
        assertEquals(2, parse(packet(0x7B, 3, 0x82, 0x01)).frameCount(), "VBR: 1 then 2 bytes");
        assertThrows(MalformedPacketException.class, () -> parse(packet(0x7B, 1, 0x82, 0x05)), "R7");
        assertThrows(MalformedPacketException.class, () -> parse(packet(0x7B, 0, 0x83, 0x01)), "lengths cut short");
        assertEquals(1, parse(packet(0x7B, 3, 0x41, 0x02)).frameCount(), "1 byte of frame, 2 of padding");
        assertEquals(1, parse(packet(0x7B, 254 + 1, 0x41, 0xFF, 0x00)).frameCount(), "255 means 254 and more");
        assertThrows(MalformedPacketException.class, () -> parse(packet(0x7B, 3, 0x41, 0x05)), "padding overruns");
        assertThrows(MalformedPacketException.class, () -> parse(packet(0x7B, 0, 0x41)), "no padding length");
        assertThrows(MalformedPacketException.class, () -> parse(packet(0x7B, 0, 0x41, 0xFF)), "no final padding byte");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 8, 64})
    void randomPacketsOnlyEverFailAsMalformed(int maxLength) {
        Random random = new Random(maxLength);
        for (int i = 0; i < 10_000; i++) {
            byte[] p = new byte[random.nextInt(maxLength + 1)];
            random.nextBytes(p);
            try {
                assertTrue(parse(p).frameCount() >= 1);
            } catch (MalformedPacketException expected) {
                // rejected cleanly
            }
        }
    }
}
