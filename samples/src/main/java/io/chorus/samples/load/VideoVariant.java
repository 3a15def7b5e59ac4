package io.chorus.samples.load;

/**
 * One size and frame rate a synthetic camera can send, and the bitrate its loop is encoded at
 * (what a REMB is compared with).
 */
record VideoVariant(int width, int height, int fps, int bitrateBps) {

    long pixels() {
        return (long) width * height;
    }

    /** {@code 640x360@30}, as logged and reported. */
    String label() {
        return width + "x" + height + "@" + fps;
    }
}
