package io.chorus.recorder.rtmp;

import java.time.Duration;

/**
 * The wait before each reconnection attempt: 1 s after the first failure, doubling after each
 * further one, capped at 30 s, back to 1 s once a connection works. Doubling keeps a dead ingest
 * server from being hammered; the cap keeps a long outage from delaying the return by minutes.
 */
public final class ReconnectBackoff {
    public static final Duration FIRST = Duration.ofSeconds(1);
    public static final Duration CAP = Duration.ofSeconds(30);

    private int failures;

    /** The wait after {@code failures} consecutive failures (at least one). */
    public static Duration delayAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be >= 1: " + failures);
        }
        // 2^5 s already exceeds the cap; stopping the shift there also keeps it from overflowing.
        int doublings = Math.min(failures - 1, 5);
        Duration delay = FIRST.multipliedBy(1L << doublings);
        return delay.compareTo(CAP) > 0 ? CAP : delay;
    }

    /** Counts one more failure and returns the wait before the next attempt. */
    public Duration onFailure() {
        failures++;
        return delayAfter(failures);
    }

    /** A connection worked: the next failure waits {@link #FIRST} again. */
    public void onSuccess() {
        failures = 0;
    }

    public int failures() {
        return failures;
    }
}
