package io.chorus.core.retry;

import java.time.Duration;

/**
 * The wait before each new attempt at something that failed (a broadcast's connection, a webhook's
 * delivery): the first wait after the first failure, doubling after each further one up to the
 * longest wait, back to the first once an attempt works. Doubling keeps a dead server from being
 * hammered; the cap keeps a long outage from delaying the return by minutes. Not thread-safe: one
 * worker owns each.
 */
public final class Backoff {
    private final Duration first;
    private final Duration max;
    private int failures;

    public Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    /** The wait after {@code failures} consecutive failures (at least one). */
    public Duration delayAfter(int failures) {
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
    public Duration onFailure() {
        failures++;
        return delayAfter(failures);
    }

    /** An attempt worked: the next failure waits the first wait again. */
    public void onSuccess() {
        failures = 0;
    }

    public int failures() {
        return failures;
    }
}
