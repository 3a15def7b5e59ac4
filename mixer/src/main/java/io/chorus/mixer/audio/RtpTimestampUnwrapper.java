package io.chorus.mixer.audio;

/**
 * Extends one stream's 32-bit RTP timestamps into a 64-bit line, so 2^32 - 960 is followed by
 * 2^32, not by 0. Each timestamp is placed within 2^31 of the highest one seen; reordered
 * packets from before a wrap land below it.
 */
final class RtpTimestampUnwrapper {
    private long highest;
    private boolean started;
    private long lastAdvance;

    long unwrap(long timestamp) {
        if (!started) {
            started = true;
            highest = timestamp;
            lastAdvance = 0;
            return timestamp;
        }
        long unwrapped = highest + (int) (timestamp - highest);
        lastAdvance = Math.max(0, unwrapped - highest);
        highest = Math.max(highest, unwrapped);
        return unwrapped;
    }

    /** How far the last {@link #unwrap} moved the highest timestamp forward (0 if it did not). */
    long lastAdvance() {
        return lastAdvance;
    }
}
