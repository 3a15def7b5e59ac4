package io.chorus.mixer.audio;

/**
 * Packets pushed since the tick thread last looked, in arrival order, in fixed arrays. When full,
 * the oldest entry is overwritten (the jitter buffer's drop-oldest policy applied early).
 * Not synchronized itself: {@link AudioJitterBuffer} guards the one being filled.
 */
final class PacketInbox {
    private final byte[][] payloads;
    private final long[] timestamps;
    private final int[] levels;
    private final long[] arrivalNanos;
    private int start;
    private int size;

    PacketInbox(int capacity) {
        payloads = new byte[capacity][];
        timestamps = new long[capacity];
        levels = new int[capacity];
        arrivalNanos = new long[capacity];
    }

    /** Appends; returns true when the oldest entry had to be overwritten to make room. */
    boolean add(byte[] payload, long timestamp, int level, long arrival) {
        boolean overwrote = size == payloads.length;
        if (overwrote) {
            start = (start + 1) % payloads.length;
            size--;
        }
        int at = slot(size);
        payloads[at] = payload;
        timestamps[at] = timestamp;
        levels[at] = level;
        arrivalNanos[at] = arrival;
        size++;
        return overwrote;
    }

    int size() {
        return size;
    }

    byte[] payload(int index) {
        return payloads[slot(index)];
    }

    long timestamp(int index) {
        return timestamps[slot(index)];
    }

    int level(int index) {
        return levels[slot(index)];
    }

    long arrivalNanos(int index) {
        return arrivalNanos[slot(index)];
    }

    /** Empties the inbox, dropping payload references so they can be collected. */
    void clear() {
        for (int i = 0; i < size; i++) {
            payloads[slot(i)] = null;
        }
        start = 0;
        size = 0;
    }

    private int slot(int index) {
        return (start + index) % payloads.length;
    }
}
