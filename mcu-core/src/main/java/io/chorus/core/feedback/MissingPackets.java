package io.chorus.core.feedback;

import java.util.Arrays;

/**
 * The holes a {@link NackGenerator} is trying to recover, with each one's NACK history, in
 * ascending extended sequence order. Holes are only ever appended above the current highest, so
 * the order holds without sorting and arrival of a late packet is a binary search. Parallel
 * primitive arrays keep the steady state free of allocation.
 */
final class MissingPackets {
    private final long[] sequences;
    private final long[] detectedAtMs;
    private final long[] lastNackedAtMs;
    private final int[] nackCounts;
    private int size;
    private long givenUp;
    private long dropped;

    MissingPackets(int capacity) {
        sequences = new long[capacity];
        detectedAtMs = new long[capacity];
        lastNackedAtMs = new long[capacity];
        nackCounts = new int[capacity];
    }

    int size() {
        return size;
    }

    /** Holes removed unrecovered because their NACK budget or age ran out. */
    long givenUp() {
        return givenUp;
    }

    /** Holes removed unrecovered to make room, or by {@link #clear}. */
    long dropped() {
        return dropped;
    }

    /**
     * Appends the holes {@code from..to}, all above every hole held, dropping the oldest held ones
     * if there is not room. The range must not exceed the capacity.
     */
    void addRange(long from, long to, long nowMs) {
        int count = (int) (to - from + 1);
        int overflow = size + count - sequences.length;
        if (overflow > 0) {
            removeOldest(overflow);
        }
        for (long seq = from; seq <= to; seq++) {
            sequences[size] = seq;
            detectedAtMs[size] = nowMs;
            nackCounts[size] = 0;
            size++;
        }
    }

    /** Removes {@code seq} if it is a hole; returns whether it was. */
    boolean remove(long seq) {
        int index = Arrays.binarySearch(sequences, 0, size, seq);
        if (index < 0) {
            return false;
        }
        shiftDown(index + 1, 1);
        return true;
    }

    void clear() {
        dropped += size;
        size = 0;
    }

    /**
     * Writes into {@code out} the 16-bit sequence numbers of the holes due for a NACK (never
     * NACKed, or last NACKed at least {@code retryIntervalMs} ago) and records the NACK. Holes that
     * were NACKed {@code maxNacks} times and are due again, or are {@code maxAgeMs} old, are given
     * up instead. Due holes that do not fit in {@code out} stay due.
     *
     * @return how many sequence numbers were written
     */
    int collectDue(long nowMs, long retryIntervalMs, int maxNacks, long maxAgeMs, int[] out) {
        int written = 0;
        int kept = 0;
        for (int i = 0; i < size; i++) {
            boolean due = nackCounts[i] == 0 || nowMs - lastNackedAtMs[i] >= retryIntervalMs;
            if ((due && nackCounts[i] >= maxNacks) || nowMs - detectedAtMs[i] >= maxAgeMs) {
                givenUp++;
                continue;
            }
            if (due && written < out.length) {
                out[written++] = (int) (sequences[i] & 0xFFFF);
                nackCounts[i]++;
                lastNackedAtMs[i] = nowMs;
            }
            moveEntry(i, kept++);
        }
        size = kept;
        return written;
    }

    private void removeOldest(int count) {
        int removed = Math.min(count, size);
        dropped += removed;
        shiftDown(removed, removed);
    }

    /** Moves entries {@code from..size-1} down by {@code distance}, overwriting the ones below. */
    private void shiftDown(int from, int distance) {
        int moved = size - from;
        System.arraycopy(sequences, from, sequences, from - distance, moved);
        System.arraycopy(detectedAtMs, from, detectedAtMs, from - distance, moved);
        System.arraycopy(lastNackedAtMs, from, lastNackedAtMs, from - distance, moved);
        System.arraycopy(nackCounts, from, nackCounts, from - distance, moved);
        size -= distance;
    }

    private void moveEntry(int from, int to) {
        if (from != to) {
            sequences[to] = sequences[from];
            detectedAtMs[to] = detectedAtMs[from];
            lastNackedAtMs[to] = lastNackedAtMs[from];
            nackCounts[to] = nackCounts[from];
        }
    }
}
