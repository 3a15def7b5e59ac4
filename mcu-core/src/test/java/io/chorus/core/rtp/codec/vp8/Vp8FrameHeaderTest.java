package io.chorus.core.rtp.codec.vp8;

import static io.chorus.core.rtp.codec.vp8.Vp8Frames.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.codec.Dimensions;

class Vp8FrameHeaderTest {
    @Test
    void readsTheSizeOfARealKeyFrame() throws Exception {
        byte[] frame = Vp8Frames.LIBVPX_KEY_FRAME_640X360;
        Vp8FrameHeader header = Vp8FrameHeader.parse(frame, 0, frame.length);
        assertTrue(header.keyFrame());
        assertEquals(new Dimensions(640, 360), header.size());
    }

    @Test
    void aRealInterFrameIsNoKeyFrameAndNeedsOnlyItsFirstByte() throws Exception {
        Vp8FrameHeader header = Vp8FrameHeader.parse(Vp8Frames.LIBVPX_DELTA_FRAME, 0, 1);
        assertFalse(header.keyFrame());
        assertEquals(Dimensions.UNKNOWN, header.size());
    }

    @Test
    void scalingBitsAreNotPartOfTheSize() throws Exception {
        // 1280x720 with horizontal scale 1 and vertical scale 3 in the top two bits.
        byte[] frame = bytes(0x50, 0x00, 0x00, 0x9d, 0x01, 0x2a, 0x00, 0x45, 0xD0, 0xC2);
        assertEquals(new Dimensions(1280, 720), Vp8FrameHeader.parse(frame, 0, frame.length).size());
    }

    @Test
    void aKeyFrameHeaderMustBeWholeAndCarryTheStartCode() {
        byte[] frame = Vp8Frames.LIBVPX_KEY_FRAME_640X360;
        for (int length = 0; length < frame.length; length++) {
            int n = length;
            assertThrows(MalformedPacketException.class, () -> Vp8FrameHeader.parse(frame, 0, n), "length " + n);
        }
        byte[] badStartCode = Arrays.copyOf(frame, frame.length);
        badStartCode[4] = 0x02;
        assertThrows(MalformedPacketException.class, () -> Vp8FrameHeader.parse(badStartCode, 0, 10));
    }
}
