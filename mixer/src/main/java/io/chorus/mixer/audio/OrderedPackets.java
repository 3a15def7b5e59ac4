package io.chorus.mixer.audio;

import java.util.Arrays;

/**
 * The jitter buffer's packets sorted by unwrapped timestamp, without duplicates, in fixed arrays.
 * A buffer holds a few dozen packets at most, so shifting on insert and removal is cheaper than
 * any node-based structure and allocates nothing.
 */
final class OrderedPackets {
    private final long[] timestamps;
    private final byte[][] payloads;
    private final int[] levels;
    private int size;

    OrderedPackets(int capacity) {
        timestamps = new long[capacity];
        payloads = new byte[capacity][];
        levels = new int[capacity];
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean isFull() {
        return size == timestamps.length;
    }

    long headTimestamp() {
        requireNotEmpty();
        return timestamps[0];
    }

    /** RFC 6464 level the head packet arrived with, or {@code AudioLevelExtension.ABSENT}. */
    int headLevel() {
        requireNotEmpty();
        return levels[0];
    }

    long newestTimestamp() {
        requireNotEmpty();
        return timestamps[size - 1];
    }

    boolean contains(long timestamp) {
        return indexOf(timestamp) >= 0;
    }

    /** Adds a packet whose timestamp is not yet present; the caller makes room first. */
    void insert(long timestamp, byte[] payload, int level) {
        if (isFull()) {
            throw new IllegalStateException("no room for another packet");
        }
        int index = indexOf(timestamp);
        if (index >= 0) {
            throw new IllegalStateException("timestamp " + timestamp + " is already buffered");
        }
        int at = -index - 1;
        System.arraycopy(timestamps, at, timestamps, at + 1, size - at);
        System.arraycopy(payloads, at, payloads, at + 1, size - at);
        System.arraycopy(levels, at, levels, at + 1, size - at);
        timestamps[at] = timestamp;
        payloads[at] = payload;
        levels[at] = level;
        size++;
    }

    byte[] removeHead() {
        requireNotEmpty();
        byte[] head = payloads[0];
        size--;
        System.arraycopy(timestamps, 1, timestamps, 0, size);
        System.arraycopy(payloads, 1, payloads, 0, size);
        System.arraycopy(levels, 1, levels, 0, size);
        payloads[size] = null;
        return head;
    }

    /** Binary search: the index if present, else -(insertion point) - 1. */
    private int indexOf(long timestamp) {
        return Arrays.binarySearch(timestamps, 0, size, timestamp);
    }

    private void requireNotEmpty() {
        if (size == 0) {
            throw new IllegalStateException("no packets buffered");
        }
    }
}
