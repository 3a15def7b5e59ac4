package io.chorus.recorder.mux;

/** Reads the picture size from a VP8 key frame header (RFC 6386 section 9.1). */
final class Vp8KeyFrame {
    private static final int HEADER_BYTES = 10;

    private Vp8KeyFrame() {
    }

    /** {width, height} of a VP8 key frame; the upper two bits of each are scaling hints and not part of the size. */
    static int[] size(byte[] frame) {
        boolean interFrame = frame.length > 0 && (frame[0] & 0x01) != 0;
        if (frame.length < HEADER_BYTES || interFrame
                || (frame[3] & 0xFF) != 0x9D || (frame[4] & 0xFF) != 0x01 || (frame[5] & 0xFF) != 0x2A) {
            throw new IllegalArgumentException("not a VP8 key frame (" + frame.length + " bytes)");
        }
        int width = ((frame[6] & 0xFF) | (frame[7] & 0xFF) << 8) & 0x3FFF;
        int height = ((frame[8] & 0xFF) | (frame[9] & 0xFF) << 8) & 0x3FFF;
        return new int[] {width, height};
    }
}
