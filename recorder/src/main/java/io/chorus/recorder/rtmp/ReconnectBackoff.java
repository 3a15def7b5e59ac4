package io.chorus.recorder.rtmp;

import java.time.Duration;

/**
 * The wait before each reconnection attempt: the first wait after the first failure, doubling after
 * each further one up to the longest wait, back to the first once a connection works. Doubling keeps
 * a dead ingest server from being hammered; the cap keeps a long outage from delaying the return by
 * minutes. The waits come from {@link BroadcastSettings} (1 s and 30 s by default).
 */
final class ReconnectBackoff {
    private final Duration first;
    private final Duration max;
    private int failures;

    ReconnectBackoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    /** The wait after {@code failures} consecutive failures (at least one). */
    Duration delayAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be >= 1: " + failures);
        }
        Duration delay = first;
        // Stops doubling at the cap, which also keeps a very long outage from overflowing.
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** Counts one more failure and returns the wait before the next attempt. */
    Duration onFailure() {
        failures++;
        return delayAfter(failures);
    }

    /** A connection worked: the next failure waits the first wait again. */
    void onSuccess() {
        failures = 0;
    }

    int failures() {
        return failures;
    }
}
