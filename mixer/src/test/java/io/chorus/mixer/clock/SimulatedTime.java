package io.chorus.mixer.clock;

/** A clock that jumps to each deadline at once, so minutes of media run in milliseconds. */
final class SimulatedTime implements TimeSource {
    private long now;

    SimulatedTime(long start) {
        this.now = start;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleepUntil(long deadlineNanos) {
        now = Math.max(now, deadlineNanos);
    }

    void advance(long nanos) {
        now += nanos;
    }
}
