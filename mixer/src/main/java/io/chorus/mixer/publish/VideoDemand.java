package io.chorus.mixer.publish;

/**
 * What the room needs from one participant's camera: pictures that fit in {@code maxWidth x maxHeight}
 * (the publisher keeps its own aspect and scales down to fit, so the box is the tile's, not the
 * camera's) at up to {@code maxFramerate} frames per second. {@link #NONE} means no output shows the
 * input, so the publisher may send as little as it can.
 */
public record VideoDemand(int maxWidth, int maxHeight, int maxFramerate) {

    public static final VideoDemand NONE = new VideoDemand(0, 0, 0);

    public VideoDemand {
        boolean none = maxWidth == 0 && maxHeight == 0 && maxFramerate == 0;
        boolean shown = maxWidth > 0 && maxHeight > 0 && maxFramerate > 0 && ((maxWidth | maxHeight) & 1) == 0;
        if (!none && !shown) {
            throw new IllegalArgumentException("video demand needs an even positive size and a positive frame rate,"
                    + " or all zeros for none: " + maxWidth + "x" + maxHeight + "@" + maxFramerate);
        }
    }

    /** Whether any output shows the input. */
    public boolean shown() {
        return maxWidth > 0;
    }

    /**
     * The side of a square with the box's area: lets boxes of different shapes be compared by the
     * pixels they carry, which is what a publisher's bitrate and CPU follow.
     */
    double areaEquivalentWidth() {
        return Math.sqrt((double) maxWidth * maxHeight);
    }

    @Override
    public String toString() {
        return shown() ? maxWidth + "x" + maxHeight + "@" + maxFramerate : "none";
    }
}
