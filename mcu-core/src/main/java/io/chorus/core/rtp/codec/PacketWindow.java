package io.chorus.core.rtp.codec;

/**
 * The packets of one stream waiting to become frames, by unwrapped sequence number, in a ring
 * whose capacity bounds both memory and the span of sequence numbers held: a packet is found in
 * O(1) and storing one allocates nothing beyond its fragment.
 */
final class PacketWindow {
    /** One stored packet; a {@code null} fragment is an empty payload (sender padding). */
    static final class Slot {
        private long sequence = EMPTY;
        long timestamp;
        boolean marker;
        VideoPayloadFormat.Fragment fragment;

        boolean isPadding() {
            return fragment == null;
        }
    }

    private static final long EMPTY = Long.MIN_VALUE;

    private final Slot[] ring;
    private final int mask;

    PacketWindow(int capacity) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity " + capacity + " is not a power of two >= 2");
        }
        ring = new Slot[capacity];
        for (int i = 0; i < capacity; i++) {
            ring[i] = new Slot();
        }
        mask = capacity - 1;
    }

    int capacity() {
        return ring.length;
    }

    /** The packet with this sequence number, or null. */
    Slot get(long sequence) {
        Slot slot = ring[(int) (sequence & mask)];
        return slot.sequence == sequence ? slot : null;
    }

    /** Stores a packet; the caller keeps held sequence numbers within one capacity of each other. */
    void put(long sequence, long timestamp, boolean marker, VideoPayloadFormat.Fragment fragment) {
        Slot slot = ring[(int) (sequence & mask)];
        slot.sequence = sequence;
        slot.timestamp = timestamp;
        slot.marker = marker;
        slot.fragment = fragment;
    }

    void remove(long sequence) {
        Slot slot = get(sequence);
        if (slot != null) {
            slot.sequence = EMPTY;
            slot.fragment = null;
        }
    }
}
