package io.chorus.core.session;

/** A VP8 key frame header (RFC 6386 9.1: key, start code 9d 01 2a, 640x360) followed by filler. */
final class Vp8KeyFrames {
    private Vp8KeyFrames() {
    }

    static byte[] of(int size) {
        byte[] frame = new byte[size];
        for (int i = 10; i < size; i++) {
            frame[i] = (byte) (i * 7);
        }
        frame[0] = 0x10;
        frame[3] = (byte) 0x9D;
        frame[4] = 0x01;
        frame[5] = 0x2A;
        frame[6] = (byte) 0x80;
        frame[7] = 0x02;
        frame[8] = 0x68;
        frame[9] = 0x01;
        return frame;
    }
}
