package io.chorus.recorder.file;

import io.chorus.core.rtp.RtpTimestampUnwrapper;

/**
 * Places one incoming stream's RTP timestamps on the room clock. The sender's timestamps keep the
 * exact spacing of its media; arrival instants carry network jitter. So the offset between them is
 * taken from the earliest-arriving frame seen (the one with the least delay): a frame that arrives
 * sooner than the offset predicts lowers it. A frame that arrives more than {@link #RESYNC_NANOS}
 * later than predicted means the sender's clock jumped (a restarted track); the offset restarts there.
 * Not thread-safe: one sink worker uses it.
 */
final class SenderTimeline {
    static final long RESYNC_NANOS = 1_000_000_000L;

    private final int clockRate;
    private final RtpTimestampUnwrapper unwrapper = new RtpTimestampUnwrapper();
    private long offsetNanos;
    private boolean started;

    SenderTimeline(int clockRate) {
        this.clockRate = clockRate;
    }

    /** Room-clock nanoseconds of a frame with this RTP timestamp that arrived at {@code arrivalNanos}. */
    long roomNanos(long rtpTimestamp, long arrivalNanos) {
        long mediaNanos = unwrapper.unwrap(rtpTimestamp) * 1_000_000_000L / clockRate;
        long offset = arrivalNanos - mediaNanos;
        if (!started || offset < offsetNanos || offset - offsetNanos > RESYNC_NANOS) {
            offsetNanos = offset;
            started = true;
        }
        return mediaNanos + offsetNanos;
    }
}
