package io.chorus.core.rtp.codec.h264;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.codec.Dimensions;

/**
 * SPS NAL units written by x264 (through FFmpeg, testsrc at the given size), sizes as ffprobe
 * reports them. 360 and 1080 lines are not multiples of 16: frame cropping trims them.
 */
class H264SpsTest {
    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @ParameterizedTest(name = "{0}: {2}x{3}")
    @CsvSource({
            "baseline 640x360, 6742c01ed900a02ff970110000030001000003003c0f162e48, 640, 360, 66",
            "high 640x360, 6764001eacd940a02ff970110000030001000003003c0f162d96, 640, 360, 100",
            "baseline 1280x720, 6742c01fd9005005bb0110000003001000000303c0f1832480, 1280, 720, 66",
            "high 1920x1080, 67640028acd940780227e5c044000003000400000300f03c60c658, 1920, 1080, 100",
            "baseline 320x240, 6742c00dd90141fb0110000003001000000303c0f142a480, 320, 240, 66",
            "baseline 176x144, 6742c00bd902c4ec0440000003004000000f03c50a92, 176, 144, 66",
            "high 642x362, 6764001eacd940a42fe224c044000003000400000300f03c58b658, 642, 362, 100",
            "high 4:2:2 640x360, 677a001ebcd940a02ff89c0440000003004000000f03c58b6580, 640, 360, 122",
            "high 4:4:4 640x360, 67f4001e919b281405ff138088000003000800000301e078b16cb0, 640, 360, 244",
            "interlaced 640x360, 6764001eacd940a063f3e022000003000200000300783e28532c, 640, 360, 100",
            // The high 640x360 SPS rewritten with scaling lists (a delta-coded 4x4 list, a
            // "use default" list, an 8x8 list of zero deltas); FFmpeg decodes the stream with it.
            "scaling lists 640x360, 6764001eada492492492494221ffffffffffffffff6ca05017fcb80880000003008000001e078b16cb,"
                    + " 640, 360, 100",
    })
    void readsThePictureSize(String name, String sps, int width, int height, int profile) throws Exception {
        byte[] nal = hex(sps);
        H264Sps parsed = H264Sps.parse(nal, 0, nal.length);
        assertEquals(new Dimensions(width, height), parsed.size());
        assertEquals(profile, parsed.profileIdc());
        assertEquals(0, parsed.spsId());
    }

    @Test
    void readsAtAnOffset() throws Exception {
        byte[] nal = hex("00000001" + "6742c00dd90141fb0110000003001000000303c0f142a480");
        assertEquals(new Dimensions(320, 240), H264Sps.parse(nal, 4, nal.length - 4).size());
        assertEquals(13, H264Sps.parse(nal, 4, nal.length - 4).levelIdc());
    }

    @Test
    void truncatedOrDamagedSpsIsMalformed() {
        byte[] nal = hex("6764001eacd940a02ff970110000030001000003003c0f162d96");
        // The size fields end within the first 8 bytes; anything shorter cannot hold them.
        for (int length = 0; length < 8; length++) {
            int n = length;
            assertThrows(MalformedPacketException.class, () -> H264Sps.parse(nal, 0, n), "length " + n);
        }
        assertThrows(MalformedPacketException.class, () -> H264Sps.parse(hex("68ce3c80"), 0, 4), "a PPS");
        // A scaling list announced but its data garbled: a delta outside -128..127.
        byte[] badScaling = hex("6764001eada4924924924943fffffffffffffffed940a02ff970110000030001000003003c0f162d96");
        assertThrows(MalformedPacketException.class, () -> H264Sps.parse(badScaling, 0, badScaling.length));
    }

    @Test
    void randomBytesOnlyEverFailAsMalformed() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] nal = new byte[1 + random.nextInt(40)];
            random.nextBytes(nal);
            nal[0] = 0x67;
            try {
                Dimensions size = H264Sps.parse(nal, 0, nal.length).size();
                assertTrue(size.width() > 0 && size.height() > 0, Arrays.toString(nal));
            } catch (MalformedPacketException expected) {
                // rejected cleanly
            }
        }
    }
}
