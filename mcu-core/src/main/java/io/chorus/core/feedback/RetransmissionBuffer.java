package io.chorus.core.feedback;

import io.chorus.core.rtp.SequenceNumbers;

/**
 * The recently sent packets of one outgoing stream, kept to answer NACKs. Not thread-safe: one per
 * stream, used on that stream's sending thread.
 *
 * <p>Packets live in a ring indexed by sequence number, so a lookup is one array access. At most
 * {@code maxPackets} of the newest sequence numbers are held: older slots are released as new
 * packets are stored, which is what bounds memory. Age is checked when a packet is looked up:
 * one sent more than {@code maxAgeMs} ago is refused, since by then the receiver has moved on.
 *
 * <p>The same packet is resent at most once per minimum interval, because a receiver cannot have
 * seen our previous resend sooner and a second copy would be wasted bandwidth. Once an RTT is
 * known that interval is the RTT; until then it is {@value #DEFAULT_MIN_RESEND_INTERVAL_MS} ms,
 * which only absorbs the same request repeated within one burst (for example a sequence number
 * in two NACKs of one compound packet) without delaying genuine retries. The RTT a peer reports
 * cannot take the interval below that.
 *
 * <p>Resends spend a byte budget that sending fills: each stored packet adds
 * {@value #RESEND_SHARE_PERCENT}% of its size, up to {@value #MAX_BUDGET_BYTES} bytes (a new stream
 * starts with {@value #INITIAL_BUDGET_BYTES}). So a
 * receiver that NACKs everything, honestly lossy or hostile, gets at most half again the stream's
 * own bitrate, not the 600 packets of the buffer at every RTT it cares to report.
 */
public final class RetransmissionBuffer {
    public static final int DEFAULT_MAX_PACKETS = 600;
    public static final long DEFAULT_MAX_AGE_MS = 1000;
    public static final long DEFAULT_MIN_RESEND_INTERVAL_MS = 10;
    static final int RESEND_SHARE_PERCENT = 50;
    /** About a lost 720p key frame and then some: the burst one bad moment may need. */
    static final long MAX_BUDGET_BYTES = 256 * 1024;
    static final long INITIAL_BUDGET_BYTES = 64 * 1024;
    /** Beyond half the sequence space a sequence number no longer says which side of the newest it is. */
    static final int MAX_PACKETS_LIMIT = 1 << 15;

    /** What a lookup by {@link #packetToResend} found. */
    public enum Outcome {
        RESENT,
        /** Held, but resent less than the minimum interval ago. */
        SUPPRESSED,
        /** Held, but sent more than {@code maxAgeMs} ago. */
        TOO_OLD,
        /** Held, but resends have used up what this stream's sending allows them. */
        OVER_BUDGET,
        /** Released to make room for newer packets. */
        EVICTED,
        /** Newer than anything sent, older than the first packet, or a number skipped when sending. */
        NEVER_SENT
    }

    private final StoredPacket[] slots;
    private final int mask;
    private final int maxPackets;
    private final long maxAgeMs;
    private final long[] outcomeCounts = new long[Outcome.values().length];
    private long minResendIntervalMs = DEFAULT_MIN_RESEND_INTERVAL_MS;
    /** Bytes resends may still spend, in hundredths of a byte so that small shares add up. A new
     *  stream starts with some, so that the loss of its first key frame can be repaired. */
    private long budgetCentibytes = INITIAL_BUDGET_BYTES * 100;
    private boolean started;
    private long firstExtended;
    private long newestExtended;

    public RetransmissionBuffer() {
        this(DEFAULT_MAX_PACKETS, DEFAULT_MAX_AGE_MS);
    }

    public RetransmissionBuffer(int maxPackets, long maxAgeMs) {
        if (maxPackets < 1 || maxPackets > MAX_PACKETS_LIMIT || maxAgeMs < 0) {
            throw new IllegalArgumentException("maxPackets must be 1.." + MAX_PACKETS_LIMIT
                    + " and maxAgeMs not negative; got " + maxPackets + ", " + maxAgeMs);
        }
        int ringSize = Integer.highestOneBit(maxPackets * 2 - 1);
        this.slots = new StoredPacket[ringSize];
        for (int i = 0; i < ringSize; i++) {
            slots[i] = new StoredPacket();
        }
        this.mask = ringSize - 1;
        this.maxPackets = maxPackets;
        this.maxAgeMs = maxAgeMs;
    }

    /**
     * Keeps a sent packet. The buffer takes ownership of {@code packet}: pass a copy that nothing
     * else will write to, holding the packet from index 0 to {@code length}.
     */
    public void store(int sequenceNumber, byte[] packet, int length, long sentAtMs) {
        long extended;
        if (!started) {
            started = true;
            extended = sequenceNumber & 0xFFFF;
            firstExtended = extended;
            newestExtended = extended;
        } else {
            extended = extend(sequenceNumber);
            if (extended > newestExtended) {
                release(newestExtended - maxPackets + 1, extended - maxPackets);
                newestExtended = extended;
            } else if (extended <= newestExtended - maxPackets) {
                return;
            }
            firstExtended = Math.min(firstExtended, extended);
        }
        slots[slot(extended)].fill(extended, packet, length, sentAtMs);
        budgetCentibytes = Math.min(MAX_BUDGET_BYTES * 100, budgetCentibytes + (long) length * RESEND_SHARE_PERCENT);
    }

    /**
     * The packet to resend in answer to a NACK for {@code sequenceNumber}, recorded as resent at
     * {@code nowMs}; null when there is none to resend, the reason being counted.
     */
    public StoredPacket packetToResend(int sequenceNumber, long nowMs) {
        if (!started) {
            return miss(Outcome.NEVER_SENT);
        }
        long extended = extend(sequenceNumber);
        if (extended > newestExtended || extended < firstExtended) {
            return miss(Outcome.NEVER_SENT);
        }
        if (extended <= newestExtended - maxPackets) {
            return miss(Outcome.EVICTED);
        }
        StoredPacket packet = slots[slot(extended)];
        if (packet.extendedSequence != extended) {
            return miss(Outcome.NEVER_SENT);
        }
        if (nowMs - packet.sentAtMs > maxAgeMs) {
            return miss(Outcome.TOO_OLD);
        }
        if (packet.resent && nowMs - packet.lastResentAtMs < minResendIntervalMs) {
            return miss(Outcome.SUPPRESSED);
        }
        long cost = packet.length * 100L;
        if (cost > budgetCentibytes) {
            return miss(Outcome.OVER_BUDGET);
        }
        budgetCentibytes -= cost;
        packet.resent = true;
        packet.lastResentAtMs = nowMs;
        outcomeCounts[Outcome.RESENT.ordinal()]++;
        return packet;
    }

    /**
     * Sets the round-trip time, which becomes the minimum interval between resends of one packet,
     * never below {@value #DEFAULT_MIN_RESEND_INTERVAL_MS} ms.
     */
    public void setRttMs(long rttMs) {
        if (rttMs < 0) {
            throw new IllegalArgumentException("negative RTT " + rttMs);
        }
        this.minResendIntervalMs = Math.max(rttMs, DEFAULT_MIN_RESEND_INTERVAL_MS);
    }

    /** How many lookups ended with {@code outcome}. */
    public long count(Outcome outcome) {
        return outcomeCounts[outcome.ordinal()];
    }

    private long extend(int sequenceNumber) {
        return newestExtended + SequenceNumbers.delta((int) (newestExtended & 0xFFFF), sequenceNumber & 0xFFFF);
    }

    /** Releases the slots of extended sequence numbers {@code from..to}. */
    private void release(long from, long to) {
        if (to - from + 1 >= slots.length) {
            for (StoredPacket slot : slots) {
                slot.clear();
            }
            return;
        }
        for (long extended = from; extended <= to; extended++) {
            slots[slot(extended)].clear();
        }
    }

    private StoredPacket miss(Outcome outcome) {
        outcomeCounts[outcome.ordinal()]++;
        return null;
    }

    private int slot(long extended) {
        return (int) (extended & mask);
    }
}
