package io.chorus.core.rtp.codec;

/**
 * Tells a sender that restarted its sequence numbers from a stray packet, as RFC 3550 appendix
 * A.1 does: a packet more than {@value #MAX_DROPOUT} away from where the stream is (either way,
 * after unwrapping) is believed only when the next packet follows it directly. Without this, a
 * restart that lands behind the old numbers would make every new packet look late for up to 32768
 * packets.
 */
public final class SequenceJumpFilter {
    public static final int MAX_DROPOUT = 3000;

    public enum Verdict {
        /** Within reach of the stream's position: the caller's usual rules apply. */
        NEAR,
        /** Far away and not yet confirmed: drop it. */
        SUSPECT,
        /** Far away and confirmed by its predecessor: the sender restarted; start over from here. */
        RESTART
    }

    private long suspect = Long.MIN_VALUE;

    /** Judges unwrapped {@code seq} against the stream's highest unwrapped sequence number. */
    public Verdict judge(long seq, long highest) {
        if (Math.abs(seq - highest) <= MAX_DROPOUT) {
            suspect = Long.MIN_VALUE;
            return Verdict.NEAR;
        }
        boolean confirmed = suspect != Long.MIN_VALUE && seq == suspect + 1;
        suspect = confirmed ? Long.MIN_VALUE : seq;
        return confirmed ? Verdict.RESTART : Verdict.SUSPECT;
    }
}
