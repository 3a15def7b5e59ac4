package io.chorus.core.rtp;

/**
 * Extends one stream's 32-bit RTP timestamps into a 64-bit line, so 2^32 - 960 is followed by
 * 2^32, not by 0. Each timestamp is placed within 2^31 of the highest one seen; reordered
 * packets from before a wrap land below it. Timestamps already extended (a mixer's own 64-bit
 * count) pass through unchanged while consecutive ones are less than 2^31 apart. One stream, one
 * thread.
 */
public final class RtpTimestampUnwrapper {
    private long highest;
    private boolean started;

    public long unwrap(long timestamp) {
        if (!started) {
            started = true;
            highest = timestamp;
            return timestamp;
        }
        long unwrapped = highest + (int) (timestamp - highest);
        highest = Math.max(highest, unwrapped);
        return unwrapped;
    }
}
