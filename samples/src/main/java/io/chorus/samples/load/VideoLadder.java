package io.chorus.samples.load;

import io.chorus.mixer.codec.VideoEncoderSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The variants a synthetic camera can switch between, like a browser's encoder under
 * constraints: the configured size and 3/4, 1/2 and 1/4 of it, each at the configured rate and at
 * half of it. Ordered full rate first, then largest first, which is the order {@link VariantPicker}
 * walks.
 */
final class VideoLadder {
    private static final int[] SCALE_QUARTERS = {4, 3, 2, 1};
    /**
     * Half the frames cost more than half the bits: each frame carries twice the motion, and the
     * key frame is a larger share of the loop.
     */
    private static final double HALF_RATE_BITRATE_SHARE = 0.6;

    private VideoLadder() {
    }

    /** Only the configured variant: the camera ignores what the server asks. */
    static List<VideoVariant> fixed(int width, int height, int fps, int bitrateBps) {
        return List.of(new VideoVariant(width, height, fps, bitrateBps));
    }

    /**
     * Every variant; bitrate in proportion to pixels (never below the encoder's floor). Sizes too
     * small to carry a readable frame counter are left out, and so is the half rate when the rate
     * is odd (the pacer could not send every other tick).
     */
    static List<VideoVariant> plan(int width, int height, int fps, int bitrateBps) {
        List<VideoVariant> variants = new ArrayList<>();
        for (int rate : fps % 2 == 0 ? new int[] {fps, fps / 2} : new int[] {fps}) {
            double rateShare = rate == fps ? 1 : HALF_RATE_BITRATE_SHARE;
            for (int quarters : SCALE_QUARTERS) {
                int w = width * quarters / 4 & ~1;
                int h = height * quarters / 4 & ~1;
                if (!fitsCounter(w, h)) {
                    continue;
                }
                double pixelShare = (double) w * h / ((double) width * height);
                int bitrate = Math.max(VideoEncoderSettings.MIN_BITRATE_BPS,
                        (int) Math.round(bitrateBps * pixelShare * rateShare));
                variants.add(new VideoVariant(w, h, rate, bitrate));
            }
        }
        return List.copyOf(variants);
    }

    /** The same bound {@link LoadSettings} puts on the configured size. */
    private static boolean fitsCounter(int width, int height) {
        return width >= LoadSettings.MIN_WIDTH && height >= LoadSettings.MIN_HEIGHT;
    }
}
