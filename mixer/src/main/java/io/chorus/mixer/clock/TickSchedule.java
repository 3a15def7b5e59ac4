package io.chorus.mixer.clock;

/**
 * Which tick is due next on one tick stream of a room's clock. Tick n is due at
 * {@code origin + rate.offsetNanos(n)}; when a tick finishes after the next one was due, that tick
 * overran and the ticks whose time has passed are skipped rather than run back to back, because a
 * burst of late ticks would hand receivers a burst of media they have to drop anyway.
 * Not thread-safe: one tick thread owns it.
 */
public final class TickSchedule {
    private final long origin;
    private final TickRate rate;
    private long next;

    public TickSchedule(long originNanos, TickRate rate) {
        this.origin = originNanos;
        this.rate = rate;
    }

    public TickRate rate() {
        return rate;
    }

    /** Index of the tick that runs next. */
    public long nextTick() {
        return next;
    }

    public long nextDeadline() {
        return deadline(next);
    }

    /** When tick {@code n} is due. */
    public long deadline(long n) {
        return origin + rate.offsetNanos(n);
    }

    /**
     * Records that the tick {@link #nextTick()} finished at {@code finishedNanos}.
     *
     * @return the number of ticks skipped because this one overran (0 when on time)
     */
    public long completed(long finishedNanos) {
        long ran = next;
        next = ran + 1;
        if (finishedNanos <= nextDeadline()) {
            return 0;
        }
        long latestDue = rate.tickAt(finishedNanos - origin);
        long missed = latestDue - ran - 1;
        if (missed > 0) {
            next = latestDue;
        }
        return Math.max(missed, 0);
    }

    /**
     * Moves past the ticks of a pause (the room was empty): the next tick is the first one due
     * after {@code nowNanos}. These are not overruns; nobody was waiting for them.
     */
    public void resumeAt(long nowNanos) {
        next = Math.max(next, rate.tickAt(nowNanos - origin) + 1);
    }
}
