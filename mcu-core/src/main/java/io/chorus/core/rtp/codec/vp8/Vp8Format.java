package io.chorus.core.rtp.codec.vp8;

import java.util.Arrays;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.codec.VideoPayloadFormat;

/**
 * VP8 over RTP (RFC 7741): a frame starts at a packet with S=1 and partition 0; the frame's own
 * header (RFC 6386 section 9.1) says whether it is a key frame and, if so, its dimensions.
 */
public final class Vp8Format implements VideoPayloadFormat {
    private static final int KEY_FRAME_HEADER_LENGTH = 10;

    @Override
    public Fragment parse(byte[] buffer, int offset, int length) throws MalformedPacketException {
        Vp8Descriptor descriptor = Vp8Descriptor.parse(buffer, offset, length);
        byte[] data = Arrays.copyOfRange(buffer, offset + descriptor.length(), offset + length);
        return new Fragment(data, descriptor.start() && descriptor.partition() == 0);
    }

    /** Bit 0 of the frame tag is the inverse key frame flag: 0 means key frame. */
    @Override
    public boolean isKeyFrame(byte[] frame) {
        return frame.length >= KEY_FRAME_HEADER_LENGTH && (frame[0] & 0x01) == 0
                && (frame[3] & 0xFF) == 0x9D && (frame[4] & 0xFF) == 0x01 && (frame[5] & 0xFF) == 0x2A;
    }

    /** After the start code 9d 01 2a: 14-bit width and height, little-endian, 2 scaling bits each. */
    @Override
    public int[] dimensions(byte[] frame) {
        if (!isKeyFrame(frame)) {
            return new int[] {0, 0};
        }
        int width = ((frame[6] & 0xFF) | ((frame[7] & 0xFF) << 8)) & 0x3FFF;
        int height = ((frame[8] & 0xFF) | ((frame[9] & 0xFF) << 8)) & 0x3FFF;
        return new int[] {width, height};
    }
}
