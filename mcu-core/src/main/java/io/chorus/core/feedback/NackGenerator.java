package io.chorus.core.feedback;

import io.chorus.core.rtp.SequenceUnwrapper;

/**
 * Decides which packets of one incoming video stream to request again with generic NACKs
 * (RFC 4585 section 6.2.1). Not thread-safe: one per stream, used on that stream's thread.
 *
 * <p>Every hole in the sequence is NACKed as soon as it is seen (the caller polls
 * {@link #dueNacks} right away when {@link #onPacket} reports {@link Arrival#GAP_OPENED}) and then
 * again each round-trip time, since a retransmission cannot arrive sooner than that, until the
 * packet arrives, the hole has been NACKed {@code maxNacks} times, or it is {@code maxAgeMs} old
 * (past the sender's retransmission history it is pointless to ask). At most {@code maxMissing}
 * holes are tracked, the oldest dropped first. A jump leaving more holes than that cannot be
 * repaired packet by packet, so all holes are forgotten and the caller should request a key frame.
 *
 * <p>Feed only packets that {@link ReceiveStatistics} counted, and {@link #reset} when it reports
 * a restart; this class does not validate sequence numbers itself.
 */
public final class NackGenerator {
    public static final int DEFAULT_MAX_MISSING = 1000;
    public static final int DEFAULT_MAX_NACKS = 10;
    public static final long DEFAULT_MAX_AGE_MS = 1000;
    /** Retry interval until an RTT has been measured. */
    public static final long DEFAULT_RTT_MS = 100;

    /** What {@link #onPacket} made of a packet. */
    public enum Arrival {
        /** The next one expected, or the first. */
        IN_ORDER,
        /** Newer than the next expected: the packets in between are now missing and due for a NACK. */
        GAP_OPENED,
        /** Filled a hole: a late or retransmitted packet. */
        RECOVERED,
        /** Older than the newest and not awaited: a duplicate, or a hole already given up. */
        LATE,
        /** Left more holes than can be tracked: all holes were forgotten; request a key frame. */
        GAP_TOO_LARGE
    }

    private final int maxMissing;
    private final int maxNacks;
    private final long maxAgeMs;
    private final MissingPackets missing;
    private SequenceUnwrapper unwrapper = new SequenceUnwrapper();
    private boolean started;
    private long newest;
    private long rttMs = DEFAULT_RTT_MS;
    private long recovered;

    public NackGenerator() {
        this(DEFAULT_MAX_MISSING, DEFAULT_MAX_NACKS, DEFAULT_MAX_AGE_MS);
    }

    public NackGenerator(int maxMissing, int maxNacks, long maxAgeMs) {
        if (maxMissing < 1 || maxNacks < 1 || maxAgeMs < 1) {
            throw new IllegalArgumentException("maxMissing, maxNacks and maxAgeMs must be positive");
        }
        this.maxMissing = maxMissing;
        this.maxNacks = maxNacks;
        this.maxAgeMs = maxAgeMs;
        this.missing = new MissingPackets(maxMissing);
    }

    public Arrival onPacket(int sequenceNumber, long nowMs) {
        long seq = unwrapper.unwrap(sequenceNumber & 0xFFFF);
        if (!started) {
            started = true;
            newest = seq;
            return Arrival.IN_ORDER;
        }
        if (seq <= newest) {
            if (missing.remove(seq)) {
                recovered++;
                return Arrival.RECOVERED;
            }
            return Arrival.LATE;
        }
        long holes = seq - newest - 1;
        long firstHole = newest + 1;
        newest = seq;
        if (holes == 0) {
            return Arrival.IN_ORDER;
        }
        if (holes > maxMissing) {
            missing.clear();
            return Arrival.GAP_TOO_LARGE;
        }
        missing.addRange(firstHole, seq - 1, nowMs);
        return Arrival.GAP_OPENED;
    }

    /**
     * Fills {@code out} with the sequence numbers to NACK now, in ascending order, and counts them
     * as NACKed. Call it from a periodic timer (every 10-20 ms) and right after a gap opens. Size
     * {@code out} to {@link #maxMissing()} to always get all of them; any that do not fit stay due.
     *
     * @return how many sequence numbers were written
     */
    public int dueNacks(long nowMs, int[] out) {
        return missing.collectDue(nowMs, rttMs, maxNacks, maxAgeMs, out);
    }

    /** Sets the round-trip time, which is the retry interval. */
    public void setRttMs(long rttMs) {
        if (rttMs < 0) {
            throw new IllegalArgumentException("negative RTT " + rttMs);
        }
        this.rttMs = rttMs;
    }

    /** Forgets the stream's sequence numbering, for when the sender restarted it. */
    public void reset() {
        missing.clear();
        unwrapper = new SequenceUnwrapper();
        started = false;
    }

    public int maxMissing() {
        return maxMissing;
    }

    /** Holes currently awaited. */
    public int missingCount() {
        return missing.size();
    }

    public long recoveredCount() {
        return recovered;
    }

    /** Holes abandoned after {@code maxNacks} NACKs or {@code maxAgeMs}. */
    public long givenUpCount() {
        return missing.givenUp();
    }

    /** Holes forgotten without being NACKed out: overflow, too large a gap, or a reset. */
    public long droppedCount() {
        return missing.dropped();
    }
}
