package io.chorus.core.rtp;

/**
 * Arithmetic on 16-bit RTP sequence numbers, which wrap from 65535 to 0 (RFC 3550 A.1).
 */
public final class SequenceNumbers {
    private SequenceNumbers() {
    }

    /** Signed distance from {@code from} to {@code to} in the range [-32768, 32767]. */
    public static int delta(int from, int to) {
        return (short) ((to - from) & 0xFFFF);
    }

    /** True if {@code a} comes after {@code b}, accounting for wrap-around. */
    public static boolean isNewer(int a, int b) {
        return delta(b, a) > 0;
    }

    /** Sequence number {@code n} steps after {@code seq}, wrapped to 16 bits. */
    public static int add(int seq, int n) {
        return (seq + n) & 0xFFFF;
    }
}
