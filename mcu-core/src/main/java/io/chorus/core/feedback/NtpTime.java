package io.chorus.core.feedback;

/**
 * 64-bit NTP timestamps as RTCP uses them (RFC 3550 section 4): seconds since 1900 in the high
 * 32 bits, binary fraction of a second in the low 32, held unsigned in a {@code long}.
 */
public final class NtpTime {
    /** Seconds from 1900-01-01 (NTP era 0) to 1970-01-01 (Unix epoch). */
    static final long UNIX_EPOCH_IN_NTP_SECONDS = 2_208_988_800L;
    private static final long UINT32_MASK = 0xFFFF_FFFFL;

    private NtpTime() {
    }

    /** The NTP timestamp of a wall-clock instant given in nanoseconds since the Unix epoch. */
    public static long fromUnixNanos(long unixNanos) {
        long seconds = Math.floorDiv(unixNanos, ClockUnits.NANOS_PER_SECOND) + UNIX_EPOCH_IN_NTP_SECONDS;
        long fraction = (Math.floorMod(unixNanos, ClockUnits.NANOS_PER_SECOND) << 32) / ClockUnits.NANOS_PER_SECOND;
        return (seconds << 32) | fraction;
    }

    /**
     * The middle 32 bits of an NTP timestamp (16 bits of seconds, 16 of fraction): the compact
     * form carried as LSR in report blocks.
     */
    public static long middle32(long ntpTimestamp) {
        return (ntpTimestamp >>> 16) & UINT32_MASK;
    }

    /**
     * Round-trip time from a report block about one of our streams (RFC 3550 section 6.4.1):
     * arrival time minus LSR minus DLSR, all in 1/65536 s. Returns -1 when the block carries no
     * LSR (the peer has not received an SR from us yet); a slightly negative result, which clock
     * rounding at the peer can produce, is reported as 0.
     *
     * @param arrivalMiddle32 {@link #middle32} of our NTP clock when the report arrived
     */
    public static long roundTripMillis(long arrivalMiddle32, long lastSenderReport, long delaySinceLastSenderReport) {
        if (lastSenderReport == 0) {
            return -1;
        }
        int rtt = (int) (arrivalMiddle32 - lastSenderReport - delaySinceLastSenderReport);
        return rtt <= 0 ? 0 : rtt * 1000L / 65536;
    }
}
