package io.chorus.signalling.server;

/**
 * A token bucket: {@code perSecond} messages a second on average, bursts of twice that (a page
 * trickling its ICE candidates sends a dozen at once). One connection's thread only.
 */
final class MessageBudget {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int perSecond;
    private final double capacity;
    private double tokens;
    private long lastNanos = Long.MIN_VALUE;

    MessageBudget(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be positive: " + perSecond);
        }
        this.perSecond = perSecond;
        this.capacity = 2.0 * perSecond;
        this.tokens = capacity;
    }

    /** Spends one message at {@code nowNanos}; false when the budget is spent. */
    boolean spend(long nowNanos) {
        if (lastNanos != Long.MIN_VALUE) {
            tokens = Math.min(capacity, tokens + (double) (nowNanos - lastNanos) * perSecond / NANOS_PER_SECOND);
        }
        lastNanos = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens--;
        return true;
    }
}
