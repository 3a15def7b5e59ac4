package io.chorus.mixer.clock;

/**
 * A room's one clock: an origin on a time source. Every tick stream of the room (audio, video)
 * counts from the same origin, so tick indices of both convert to the same media timeline that
 * recordings and sync use.
 */
public final class MediaClock {
    private final TimeSource timeSource;
    private final long originNanos;

    public MediaClock(TimeSource timeSource) {
        this.timeSource = timeSource;
        this.originNanos = timeSource.nanoTime();
    }

    public TimeSource timeSource() {
        return timeSource;
    }

    public long originNanos() {
        return originNanos;
    }

    /** Nanoseconds of media time since the origin. */
    public long mediaTimeNanos() {
        return timeSource.nanoTime() - originNanos;
    }
}
