package io.chorus.core.feedback;

/**
 * Converts durations in nanoseconds into the units of another clock (an RTP clock rate, or the
 * 1/65536 s of DLSR). Seconds and the sub-second remainder are scaled separately so that a
 * {@code System.nanoTime()}-sized value times 90000 cannot overflow a long.
 */
final class ClockUnits {
    static final long NANOS_PER_SECOND = 1_000_000_000L;

    private ClockUnits() {
    }

    /** {@code nanos} expressed in units of {@code 1 / unitsPerSecond} s, rounded toward negative infinity. */
    static long fromNanos(long nanos, long unitsPerSecond) {
        long seconds = Math.floorDiv(nanos, NANOS_PER_SECOND);
        long remainder = Math.floorMod(nanos, NANOS_PER_SECOND);
        return seconds * unitsPerSecond + remainder * unitsPerSecond / NANOS_PER_SECOND;
    }
}
