package io.chorus.core.rtp;

/**
 * Extends 16-bit sequence numbers of one stream into a monotonic 64-bit space, so that
 * wrap-around (65535 -> 0) becomes 65535 -> 65536. Reordered packets from before the last
 * wrap map below it. Not thread-safe: one per stream, used on that stream's thread.
 */
public final class SequenceUnwrapper {
    private long last = -1;

    public long unwrap(int seq) {
        if (last < 0) {
            last = seq & 0xFFFF;
            return last;
        }
        long extended = last + SequenceNumbers.delta((int) (last & 0xFFFF), seq);
        if (extended > last) {
            last = extended;
        }
        return extended;
    }
}
