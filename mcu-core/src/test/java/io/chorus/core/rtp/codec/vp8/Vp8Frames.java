package io.chorus.core.rtp.codec.vp8;

import java.util.Random;

import io.chorus.core.rtp.codec.EncodedFrame;

/** Test support: VP8 frames with real frame headers and random bodies. */
final class Vp8Frames {
    /** The first 10 bytes of a 640x360 key frame from libvpx (ffmpeg -c:v libvpx, testsrc). */
    static final byte[] LIBVPX_KEY_FRAME_640X360 = bytes(0x90, 0x9c, 0x00, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0x68, 0x01);
    /** The first 10 bytes of the next frame, an inter frame. */
    static final byte[] LIBVPX_DELTA_FRAME = bytes(0x71, 0x0b, 0x00, 0x0e, 0x10, 0xac, 0x00, 0x18, 0x86, 0xff);

    private Vp8Frames() {
    }

    static byte[] keyFrame(int size, Random random) {
        return withHeader(LIBVPX_KEY_FRAME_640X360, size, random);
    }

    static byte[] deltaFrame(int size, Random random) {
        return withHeader(LIBVPX_DELTA_FRAME, size, random);
    }

    /** Frame {@code index} of a stream at 30 fps with a key frame every {@code keyInterval} frames. */
    static EncodedFrame frame(int index, int size, int keyInterval, Random random) {
        boolean key = index % keyInterval == 0;
        return new EncodedFrame(key ? keyFrame(size, random) : deltaFrame(size, random), 3000L * index, key, 0, 0);
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] withHeader(byte[] header, int size, Random random) {
        if (size < header.length) {
            throw new IllegalArgumentException("a frame needs its " + header.length + "-byte header");
        }
        byte[] frame = new byte[size];
        random.nextBytes(frame);
        System.arraycopy(header, 0, frame, 0, header.length);
        return frame;
    }
}
