package io.chorus.mixer.clock;

import java.util.concurrent.locks.LockSupport;

/** Where a media clock reads the time and how it waits for a deadline; simulated in tests. */
public interface TimeSource {

    long nanoTime();

    /** Returns once {@link #nanoTime()} has reached the deadline, or at once if it already has. */
    void sleepUntil(long deadlineNanos) throws InterruptedException;

    /** The monotonic system clock; waits by parking, rechecking so early wake-ups are harmless. */
    TimeSource SYSTEM = new TimeSource() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadlineNanos) throws InterruptedException {
            long remaining;
            while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
                LockSupport.parkNanos(remaining);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
    };
}
