package io.chorus.core.rtp.codec.vp8;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.codec.Dimensions;

/**
 * The uncompressed data chunk that begins every VP8 frame (RFC 6386 section 9.1; RFC 7741
 * section 4.3 calls it the VP8 payload header). It sits at the start of the first packet of a
 * frame: the one with S=1 and partition 0.
 *
 * <pre>
 *  frame tag, 3 bytes, little-endian:
 *   bit 0: P, 0 for a key frame; bits 1-3: version; bit 4: show frame;
 *   bits 5-23: size of the first partition
 *  key frames only, 7 more bytes:
 *   start code 9d 01 2a
 *   2 bytes little-endian: 14-bit width, 2-bit horizontal scale
 *   2 bytes little-endian: 14-bit height, 2-bit vertical scale
 * </pre>
 *
 * @param size the coded picture size of a key frame; {@link Dimensions#UNKNOWN} for other frames
 */
public record Vp8FrameHeader(boolean keyFrame, Dimensions size) {
    public static final int KEY_FRAME_HEADER_LENGTH = 10;

    /**
     * Reads the header of a frame's first bytes. Like libwebrtc, a delta frame needs only the P
     * bit, while a key frame's full 10-byte header must be in its first packet.
     */
    public static Vp8FrameHeader parse(byte[] b, int offset, int length) throws MalformedPacketException {
        if (length < 1) {
            throw new MalformedPacketException("VP8 frame without a frame tag");
        }
        if ((b[offset] & 0x01) != 0) {
            return new Vp8FrameHeader(false, Dimensions.UNKNOWN);
        }
        if (length < KEY_FRAME_HEADER_LENGTH) {
            throw new MalformedPacketException("VP8 key frame header truncated to " + length + " bytes");
        }
        if ((b[offset + 3] & 0xFF) != 0x9D || (b[offset + 4] & 0xFF) != 0x01 || (b[offset + 5] & 0xFF) != 0x2A) {
            throw new MalformedPacketException("VP8 key frame without the start code 9d 01 2a");
        }
        int width = littleEndian16(b, offset + 6) & 0x3FFF;
        int height = littleEndian16(b, offset + 8) & 0x3FFF;
        return new Vp8FrameHeader(true, new Dimensions(width, height));
    }

    private static int littleEndian16(byte[] b, int offset) {
        return (b[offset] & 0xFF) | ((b[offset + 1] & 0xFF) << 8);
    }
}
