package io.chorus.signalling.conference;

/**
 * The bitrate of a growing byte count, measured over windows of at least {@link #WINDOW_NANOS}:
 * what the server sends one receiver, to compare with the receiver's bandwidth estimate.
 */
final class SendRate {
    static final long WINDOW_NANOS = 1_000_000_000L;

    private long windowStartNanos = Long.MIN_VALUE;
    private long windowStartBytes;
    private long lastBps = -1;

    /** Records the total so far; returns the rate of the last complete window, or -1 before one. */
    synchronized long update(long totalBytes, long nowNanos) {
        if (windowStartNanos == Long.MIN_VALUE) {
            windowStartNanos = nowNanos;
            windowStartBytes = totalBytes;
        } else if (nowNanos - windowStartNanos >= WINDOW_NANOS) {
            lastBps = (totalBytes - windowStartBytes) * 8 * 1_000_000_000L / (nowNanos - windowStartNanos);
            windowStartNanos = nowNanos;
            windowStartBytes = totalBytes;
        }
        return lastBps;
    }
}
