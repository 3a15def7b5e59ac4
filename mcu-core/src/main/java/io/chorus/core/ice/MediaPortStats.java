package io.chorus.core.ice;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the shared media port refused or survived, for {@code /metrics}. Written on the port's
 * receive thread (and, for candidates, the signalling threads), read by the metrics scrape.
 */
public final class MediaPortStats {
    private final LongAdder unauthenticatedAddresses = new LongAdder();
    private final LongAdder addressesOverLimit = new LongAdder();
    private final AtomicLong receiveFailures = new AtomicLong();
    private final LongAdder receiveLoopRestarts = new LongAdder();
    private final LongAdder candidatesOverLimit = new LongAdder();

    void unauthenticatedAddress() {
        unauthenticatedAddresses.increment();
    }

    void addressOverLimit() {
        addressesOverLimit.increment();
    }

    /**
     * Counts a failure and says whether to log it: the 1st, 2nd, 4th, 8th... so that a failure
     * repeated on every packet cannot flood the log, and a growing count still shows.
     */
    boolean receiveFailure() {
        long count = receiveFailures.incrementAndGet();
        return Long.bitCount(count) == 1;
    }

    void receiveLoopRestart() {
        receiveLoopRestarts.increment();
    }

    void candidateOverLimit() {
        candidatesOverLimit.increment();
    }

    /** Remote candidates refused because their session already had its limit of candidates. */
    public long candidatesOverLimit() {
        return candidatesOverLimit.sum();
    }

    /** New source addresses ignored because their Binding Request failed the integrity check. */
    public long unauthenticatedAddresses() {
        return unauthenticatedAddresses.sum();
    }

    /** New source addresses refused because their session already had its limit of addresses. */
    public long addressesOverLimit() {
        return addressesOverLimit.sum();
    }

    /** Packets dropped because handling them threw (a bug, or an exhausted resource). */
    public long receiveFailures() {
        return receiveFailures.get();
    }

    /** Times the receive thread died and the port was opened again. */
    public long receiveLoopRestarts() {
        return receiveLoopRestarts.sum();
    }
}
