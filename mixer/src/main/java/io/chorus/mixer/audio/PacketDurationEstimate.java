package io.chorus.mixer.audio;

/**
 * How long a stream's packets are, read from its timestamps alone: the smallest difference between
 * any two of the last 16 timestamps. Timestamps of packets of one duration differ by multiples of
 * it, so that difference can only overestimate, and only while no two adjacent packets are in the
 * window; losses and reordering leave plenty of adjacent pairs. A smaller value is therefore taken
 * at once, a larger one only once it occurs twice, which keeps one reordered pair at the start of
 * a stream from passing for longer packets. Starts at 20 ms. Differences outside Opus' 2.5..120 ms
 * are gaps (silence suppression, restarts) and ignored.
 */
final class PacketDurationEstimate {
    private static final int WINDOW = 16;
    private static final long MIN_SAMPLES = AudioFormat.SAMPLE_RATE * 25L / 10_000;
    private static final long MAX_SAMPLES = AudioFormat.SAMPLE_RATE * 120L / 1000;

    private final long[] timestamps = new long[WINDOW];
    private int count;
    private int next;
    private int samples = AudioFormat.SAMPLES_PER_FRAME;

    /** Records the unwrapped timestamp of a packet that is not a duplicate. */
    void observe(long timestamp) {
        timestamps[next] = timestamp;
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
        long smallest = Long.MAX_VALUE;
        int occurrences = 0;
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                long difference = Math.abs(timestamps[i] - timestamps[j]);
                if (difference < MIN_SAMPLES || difference > MAX_SAMPLES || difference > smallest) {
                    continue;
                }
                occurrences = difference == smallest ? occurrences + 1 : 1;
                smallest = difference;
            }
        }
        if (smallest < samples || (smallest != Long.MAX_VALUE && occurrences >= 2)) {
            samples = (int) smallest;
        }
    }

    /** A restarted stream may have a new timestamp origin, off the old grid: compare only new timestamps. */
    void forgetTimestamps() {
        count = 0;
        next = 0;
    }

    int samples() {
        return samples;
    }
}
