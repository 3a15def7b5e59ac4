package io.chorus.samples.load;

import java.util.List;

/**
 * Which variant a camera sends, given what the server last asked. The {@code video-constraints}
 * message sets the ceiling: the largest variant within its size (the smallest when none fits), at
 * the highest rate it allows (15 fps when it allows 15). A REMB naming the camera moves the choice
 * under that ceiling to the largest variant whose bitrate fits, down or back up; when nothing fits,
 * the smallest is sent, as a browser keeps its lowest layer going rather than stopping.
 */
final class VariantPicker {
    /** Send no video. */
    static final int OFF = -1;
    /** No REMB received yet. */
    static final long NO_ESTIMATE = -1;

    private VariantPicker() {
    }

    /**
     * @param ladder      as {@link VideoLadder} orders it: full rate first, largest first within a rate
     * @param constraints the last message, or null before the first one
     * @param rembBps     the last REMB for this camera, or {@link #NO_ESTIMATE}
     * @return an index into {@code ladder}, or {@link #OFF}
     */
    static int pick(List<VideoVariant> ladder, VideoConstraints constraints, long rembBps) {
        if (constraints != null && !constraints.active()) {
            return OFF;
        }
        int rate = rate(ladder, constraints);
        int ceiling = OFF;
        int smallest = OFF;
        for (int i = 0; i < ladder.size(); i++) {
            VideoVariant v = ladder.get(i);
            if (v.fps() != rate) {
                continue;
            }
            smallest = i;
            if (ceiling == OFF && fits(v, constraints)) {
                ceiling = i;
            }
        }
        if (ceiling == OFF) {
            return smallest;
        }
        for (int i = ceiling; i < ladder.size(); i++) {
            VideoVariant v = ladder.get(i);
            if (v.fps() == rate && (rembBps == NO_ESTIMATE || v.bitrateBps() <= rembBps)) {
                return i;
            }
        }
        return smallest;
    }

    /** The highest rate of the ladder the message allows; its lowest when it allows none. */
    private static int rate(List<VideoVariant> ladder, VideoConstraints constraints) {
        int highestAllowed = 0;
        int lowest = Integer.MAX_VALUE;
        for (VideoVariant v : ladder) {
            lowest = Math.min(lowest, v.fps());
            if ((constraints == null || v.fps() <= constraints.maxFramerate()) && v.fps() > highestAllowed) {
                highestAllowed = v.fps();
            }
        }
        return highestAllowed > 0 ? highestAllowed : lowest;
    }

    private static boolean fits(VideoVariant v, VideoConstraints constraints) {
        return constraints == null || v.width() <= constraints.maxWidth() && v.height() <= constraints.maxHeight();
    }
}
