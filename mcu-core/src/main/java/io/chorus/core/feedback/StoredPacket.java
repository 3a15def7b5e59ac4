package io.chorus.core.feedback;

/**
 * One sent packet held by a {@link RetransmissionBuffer}. The buffer reuses these slots, so read
 * the packet before storing another one.
 */
public final class StoredPacket {
    static final long EMPTY = Long.MIN_VALUE;

    long extendedSequence = EMPTY;
    byte[] data;
    int length;
    long sentAtMs;
    boolean resent;
    long lastResentAtMs;

    /** The packet as the caller stored it, starting at index 0. */
    public byte[] data() {
        return data;
    }

    public int length() {
        return length;
    }

    public int sequenceNumber() {
        return (int) (extendedSequence & 0xFFFF);
    }

    public long sentAtMs() {
        return sentAtMs;
    }

    void fill(long extended, byte[] packet, int packetLength, long sentAt) {
        extendedSequence = extended;
        data = packet;
        length = packetLength;
        sentAtMs = sentAt;
        resent = false;
    }

    void clear() {
        extendedSequence = EMPTY;
        data = null;
    }
}
