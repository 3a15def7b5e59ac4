package io.chorus.recorder.mux;

import io.chorus.core.rtp.RtpTimestampUnwrapper;

/**
 * Puts the mixer's 32-bit RTP timestamps of both kinds (video 90 kHz, audio 48 kHz, one media clock)
 * on a single 64-bit line. Each stream wraps at a different moment (90 kHz after 13.3 h, 48 kHz after
 * 24.9 h), so unwrapping them separately from their first values could leave audio and video hours
 * apart for a room older than that. Scaled to 720 kHz (8 x 90 kHz = 15 x 48 kHz) both become the same
 * clock modulo 2^32 units (99 min), which one unwrapper can extend for both: the streams are never
 * more than a second apart, far inside the +-2^31 units (50 min) it accepts. Recordings and
 * broadcasts both place their packets on it. Not thread-safe: one sink worker uses it.
 */
public final class RoomTimeline {
    public static final long UNITS_PER_SECOND = 720_000;
    /** Line units per tick of the 90 kHz video clock. */
    public static final long UNITS_PER_VIDEO_TICK = UNITS_PER_SECOND / MuxStream.VIDEO_CLOCK;
    /** Line units per tick of the 48 kHz audio clock. */
    public static final long UNITS_PER_AUDIO_TICK = UNITS_PER_SECOND / MuxStream.AUDIO_CLOCK;
    private static final long MASK = 0xFFFF_FFFFL;

    private final RtpTimestampUnwrapper unwrapper = new RtpTimestampUnwrapper();

    /** A 90 kHz video timestamp on the line, in 1/720000 s. */
    public long video(long timestamp90k) {
        return unwrapper.unwrap((timestamp90k * UNITS_PER_VIDEO_TICK) & MASK);
    }

    /** A 48 kHz audio timestamp on the line, in 1/720000 s. */
    public long audio(long timestamp48k) {
        return unwrapper.unwrap((timestamp48k * UNITS_PER_AUDIO_TICK) & MASK);
    }

    public static long toMillis(long units) {
        return Math.floorDiv(units, UNITS_PER_SECOND / 1000);
    }
}
