package io.chorus.mixer.codec;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Rate-limits forced key frames. Every receiver that loses a packet asks for a key frame (PLI/FIR),
 * and a conference can produce bursts of such requests; encoding a key frame for each would flood
 * the link with the largest frames there are. A request inside the minimum interval is not dropped:
 * it stays pending (one flag, however many requests) and is honoured by the first frame after the
 * interval. {@link #request} may be called from any thread; {@link #takeDue} and
 * {@link #keyFrameSent} belong to the encoding thread.
 */
public final class KeyFrameLimiter {
    private final long minIntervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicBoolean pending = new AtomicBoolean();
    private boolean anySent;
    private long lastSentNanos;

    public KeyFrameLimiter(Duration minInterval, LongSupplier nanoClock) {
        Objects.requireNonNull(minInterval, "minInterval");
        if (minInterval.isNegative()) {
            throw new IllegalArgumentException("minimum interval must not be negative: " + minInterval);
        }
        this.minIntervalNanos = minInterval.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** Asks for a key frame as soon as the interval allows. */
    public void request() {
        pending.set(true);
    }

    /** Whether a request is waiting. */
    public boolean pending() {
        return pending.get();
    }

    /**
     * Called once per frame about to be encoded: true when a key frame should be forced now. A true
     * answer consumes the pending request and starts a new interval.
     */
    public boolean takeDue() {
        if (!pending.get()) {
            return false;
        }
        long now = nanoClock.getAsLong();
        if (anySent && now - lastSentNanos < minIntervalNanos) {
            return false;
        }
        pending.set(false);
        markSent(now);
        return true;
    }

    /**
     * Tells the limiter the encoder produced a key frame on its own (first frame, periodic, after a
     * reopen): it satisfies any pending request and starts a new interval.
     */
    public void keyFrameSent() {
        pending.set(false);
        markSent(nanoClock.getAsLong());
    }

    private void markSent(long now) {
        anySent = true;
        lastSentNanos = now;
    }
}
