package io.chorus.mixer.clock;

/**
 * Which tick is due next on one tick stream of a room's clock. Tick n is due at
 * {@code origin + rate.offsetNanos(n)}. When a tick finishes after the next one was due, up to
 * {@code maxCatchUpTicks} late ticks are run back to back (audio: a recording or broadcast with a
 * hole plays out of sync in players that play samples back to back, and the packets for those ticks
 * are waiting in the input jitter buffers anyway); further behind than that, the ticks whose time
 * has passed are skipped, as video always does (a burst of late pictures helps nobody, and a
 * variable frame rate is fine in every container).
 * Not thread-safe: one tick thread owns it.
 */
public final class TickSchedule {
    private final long origin;
    private final TickRate rate;
    private final int maxCatchUpTicks;
    private long next;

    /** A schedule that skips every late tick. */
    public TickSchedule(long originNanos, TickRate rate) {
        this(originNanos, rate, 0);
    }

    public TickSchedule(long originNanos, TickRate rate, int maxCatchUpTicks) {
        if (maxCatchUpTicks < 0) {
            throw new IllegalArgumentException("catch-up ticks must not be negative: " + maxCatchUpTicks);
        }
        this.origin = originNanos;
        this.rate = rate;
        this.maxCatchUpTicks = maxCatchUpTicks;
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
     * @return the number of ticks skipped because this one overran (0 when on time or catching up)
     */
    public long completed(long finishedNanos) {
        long ran = next;
        next = ran + 1;
        if (finishedNanos <= nextDeadline()) {
            return 0;
        }
        long latestDue = rate.tickAt(finishedNanos - origin);
        if (latestDue - ran <= maxCatchUpTicks) {
            return 0;
        }
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
