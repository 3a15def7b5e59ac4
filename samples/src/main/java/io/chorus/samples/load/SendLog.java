package io.chorus.samples.load;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * When each of a participant's recent video frames was sent, by frame number. The clip loops, so
 * the counter a picture shows names a frame only within one loop: two loops are kept and a
 * sighting is matched with the latest send of that counter not after it.
 */
final class SendLog {
    private static final long NEVER = Long.MIN_VALUE;

    private final int loopFrames;
    private final AtomicLongArray sentNanos;

    SendLog(int loopFrames) {
        this.loopFrames = loopFrames;
        this.sentNanos = new AtomicLongArray(2 * loopFrames);
        for (int i = 0; i < sentNanos.length(); i++) {
            sentNanos.set(i, NEVER);
        }
    }

    /** Frame {@code sequence} (frames since the participant started) left at {@code nanos}. */
    void sent(long sequence, long nanos) {
        sentNanos.set((int) (sequence % sentNanos.length()), nanos);
    }

    /** The latest send of the frame showing {@code counter} at or before {@code seenNanos}, or {@link Long#MIN_VALUE}. */
    long sentBefore(int counter, long seenNanos) {
        if (counter < 0 || counter >= loopFrames) {
            return NEVER;
        }
        long a = sentNanos.get(counter);
        long b = sentNanos.get(counter + loopFrames);
        long best = NEVER;
        if (a != NEVER && a <= seenNanos) {
            best = a;
        }
        if (b != NEVER && b <= seenNanos && b > best) {
            best = b;
        }
        return best;
    }
}
