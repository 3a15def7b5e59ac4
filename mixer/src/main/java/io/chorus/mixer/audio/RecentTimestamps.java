package io.chorus.mixer.audio;

/**
 * The last 32 timestamps played, so that a copy of an already played packet counts as a duplicate
 * rather than as a late packet (and stays out of the jitter estimate).
 */
final class RecentTimestamps {
    private static final int CAPACITY = 32;

    private final long[] timestamps = new long[CAPACITY];
    private int size;
    private int next;

    void add(long timestamp) {
        timestamps[next] = timestamp;
        next = (next + 1) % CAPACITY;
        size = Math.min(size + 1, CAPACITY);
    }

    boolean contains(long timestamp) {
        for (int i = 0; i < size; i++) {
            if (timestamps[i] == timestamp) {
                return true;
            }
        }
        return false;
    }

    void clear() {
        size = 0;
        next = 0;
    }
}
