package io.chorus.core.rtp.codec;

/** Picture size in pixels as a video frame's own headers state it. */
public record Dimensions(int width, int height) {
    public static final Dimensions UNKNOWN = new Dimensions(0, 0);
}
