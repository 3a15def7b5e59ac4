package io.chorus.recorder.rtmp;

/**
 * Puts the mixer's 32-bit RTP timestamps of both kinds (video 90 kHz, audio 48 kHz, one media clock)
 * on a single 64-bit line. Each stream wraps at a different moment (90 kHz after 13.3 h, 48 kHz after
 * 24.9 h), so unwrapping them separately from their first values could leave audio and video hours
 * apart for a room older than that. Scaled to 720 kHz (8 x 90 kHz = 15 x 48 kHz) both become the same
 * clock modulo 2^32 units (99 min), which one unwrapper can extend for both: the streams are never
 * more than a second apart, far inside the +-2^31 units (50 min) it accepts.
 */
final class RoomTimeline {
    static final long UNITS_PER_SECOND = 720_000;
    private static final long MASK = 0xFFFF_FFFFL;

    private long highest;
    private boolean started;

    /** A 90 kHz video timestamp on the line, in 1/720000 s. */
    long video(long timestamp90k) {
        return unwrap((timestamp90k * 8) & MASK);
    }

    /** A 48 kHz audio timestamp on the line, in 1/720000 s. */
    long audio(long timestamp48k) {
        return unwrap((timestamp48k * 15) & MASK);
    }

    static long toMillis(long units) {
        return Math.floorDiv(units, UNITS_PER_SECOND / 1000);
    }

    private long unwrap(long units) {
        if (!started) {
            started = true;
            highest = units;
            return units;
        }
        long unwrapped = highest + (int) (units - highest);
        highest = Math.max(highest, unwrapped);
        return unwrapped;
    }
}
