package io.chorus.mixer.video;

/**
 * One colour in limited-range BT.601 YUV, the colour space WebRTC's VP8/H.264 streams use and the
 * one FFmpeg's scaler assumes for them.
 */
public record YuvColour(byte y, byte u, byte v) {

    /** Converts 8-bit sRGB to limited-range BT.601 (Y 16..235, U/V 16..240), rounding to nearest. */
    public static YuvColour fromRgb(int r, int g, int b) {
        checkChannel(r, "red");
        checkChannel(g, "green");
        checkChannel(b, "blue");
        int yy = (int) Math.round(16 + 0.256788 * r + 0.504129 * g + 0.097906 * b);
        int uu = (int) Math.round(128 - 0.148223 * r - 0.290993 * g + 0.439216 * b);
        int vv = (int) Math.round(128 + 0.439216 * r - 0.367788 * g - 0.071427 * b);
        return new YuvColour((byte) yy, (byte) uu, (byte) vv);
    }

    public int luma() {
        return y & 0xFF;
    }

    public int cb() {
        return u & 0xFF;
    }

    public int cr() {
        return v & 0xFF;
    }

    /** Largest per-component difference to another colour, for tolerant comparisons after codecs. */
    public int distance(YuvColour other) {
        return Math.max(Math.abs(luma() - other.luma()),
                Math.max(Math.abs(cb() - other.cb()), Math.abs(cr() - other.cr())));
    }

    private static void checkChannel(int value, String name) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(name + " must be 0..255: " + value);
        }
    }
}
