package io.chorus.samples.load;

import io.chorus.core.rtp.SequenceUnwrapper;

/** Packets lost on one RTP stream: the gaps in its sequence numbers, over a window that can be restarted. */
final class SequenceLoss {
    private final SequenceUnwrapper unwrapper = new SequenceUnwrapper();
    private long first = Long.MIN_VALUE;
    private long highest;
    private long received;

    void packet(int sequenceNumber) {
        long seq = unwrapper.unwrap(sequenceNumber);
        if (first == Long.MIN_VALUE) {
            first = seq;
            highest = seq;
        }
        highest = Math.max(highest, seq);
        received++;
    }

    /** Starts counting afresh from the next packet. */
    void restart() {
        first = Long.MIN_VALUE;
        received = 0;
    }

    long expected() {
        return first == Long.MIN_VALUE ? 0 : highest - first + 1;
    }

    long lost() {
        return Math.max(0, expected() - received);
    }
}
