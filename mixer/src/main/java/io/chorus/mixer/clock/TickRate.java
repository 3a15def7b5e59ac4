package io.chorus.mixer.clock;

/**
 * A tick frequency and the RTP clock its outputs are stamped with. Deadlines and timestamps are
 * computed from the tick index by one multiplication and one division each, so nothing is ever
 * accumulated: 30 fps never becomes 1000/33 ms, and tick 18,000 lands exactly on 600 s.
 *
 * @param ticksPerSecond ticks per second (audio 50, video the room's frame rate)
 * @param rtpClockRate   RTP clock rate of the stream these ticks produce (48,000 or 90,000)
 */
public record TickRate(int ticksPerSecond, int rtpClockRate) {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public TickRate {
        if (ticksPerSecond < 1 || ticksPerSecond > 1000) {
            throw new IllegalArgumentException("ticks per second must be 1..1000: " + ticksPerSecond);
        }
        if (rtpClockRate < 1000) {
            throw new IllegalArgumentException("RTP clock rate must be at least 1000: " + rtpClockRate);
        }
    }

    /** Opus audio: 20 ms ticks on a 48 kHz RTP clock. */
    public static TickRate audio() {
        return new TickRate(50, 48_000);
    }

    /** Video at a frame rate on the 90 kHz RTP clock. */
    public static TickRate video(int fps) {
        return new TickRate(fps, 90_000);
    }

    /** Nanoseconds from the clock's origin to tick {@code n}. */
    public long offsetNanos(long n) {
        return scale(n, NANOS_PER_SECOND);
    }

    /** The index of the last tick due at or before {@code offsetNanos} from the origin. */
    public long tickAt(long offsetNanos) {
        if (offsetNanos < 0) {
            return -1;
        }
        long whole = offsetNanos / NANOS_PER_SECOND;
        long rest = offsetNanos % NANOS_PER_SECOND;
        return whole * ticksPerSecond + rest * ticksPerSecond / NANOS_PER_SECOND;
    }

    /** RTP timestamp (before any random offset) of the media produced at tick {@code n}, mod 2^32. */
    public long rtpTimestamp(long n) {
        return scale(n, rtpClockRate) & 0xFFFF_FFFFL;
    }

    /** n x unitsPerSecond / ticksPerSecond without overflow for any realistic tick count. */
    private long scale(long n, long unitsPerSecond) {
        return n / ticksPerSecond * unitsPerSecond + n % ticksPerSecond * unitsPerSecond / ticksPerSecond;
    }

    public long periodNanos() {
        return NANOS_PER_SECOND / ticksPerSecond;
    }
}
