package io.chorus.core.feedback;

import io.chorus.core.rtcp.ReportBlock;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reception statistics of one incoming RTP source, from which its RTCP report block is built
 * (RFC 3550 section 6.4.1). Not thread-safe: one per SSRC, fed on that stream's thread.
 *
 * <p>Sequence numbers are validated as in RFC 3550 appendix A.1. A step forward of less than
 * {@value #MAX_DROPOUT} is accepted (passing 65535 -> 0 adds a cycle); a packet at most
 * {@value #MAX_MISORDER} behind the highest is a late one; anything else is a jump, believed only
 * when the very next packet follows it, in which case the source is taken to have restarted and
 * counting starts over. Two deliberate departures from the sample code: the first packet is
 * accepted without probation, because SRTP already authenticates the source, so probation would
 * only lose statistics; and an exact duplicate of a recent packet is not counted a second time, so
 * network duplication does not push the reported loss below zero.
 *
 * <p>Loss since the previous report follows appendix A.3 and interarrival jitter appendix A.8
 * (kept times 16 so the 1/16 gain needs no floating point).
 */
public final class ReceiveStatistics {
    /** What {@link #onPacket} made of a packet. */
    public enum PacketStatus {
        /** Counted: in order, a permissible gap ahead, or late. */
        COUNTED,
        /** Already counted once; ignored. */
        DUPLICATE,
        /** A jump too large to believe yet; not counted, the next packet decides. */
        UNCONFIRMED_JUMP,
        /** Confirmed the previous jump: counters started over from this packet, which is counted. */
        RESTARTED
    }

    static final int MAX_DROPOUT = 3000;
    static final int MAX_MISORDER = 100;
    private static final int SEQUENCE_MODULUS = 1 << 16;
    private static final int NO_BAD_SEQUENCE = SEQUENCE_MODULUS + 1;
    /** Remembers enough extended sequence numbers to cover every packet that can still count as late. */
    private static final int RECENT_SIZE = 128;
    private static final long NONE = Long.MIN_VALUE;
    private static final int MAX_CUMULATIVE_LOST = 0x7F_FFFF;
    private static final int MIN_CUMULATIVE_LOST = -0x80_0000;
    private static final long DLSR_UNITS_PER_SECOND = 65536;
    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    private final long ssrc;
    private final long[] recentExtended = new long[RECENT_SIZE];

    private boolean started;
    private int maxSequence;
    private long cycles;
    private long baseExtended;
    private int badSequence = NO_BAD_SEQUENCE;
    private long received;
    private long expectedPrior;
    private long receivedPrior;

    private int jitterClockRate;
    private boolean haveTransit;
    private int lastTransit;
    private long jitterTimes16;

    private boolean haveSenderReport;
    private long lastSenderReportMiddle32;
    private long lastSenderReportArrivalNanos;

    public ReceiveStatistics(long ssrc) {
        this.ssrc = ssrc;
    }

    /**
     * Accounts for one received packet.
     *
     * @param arrivalNanos arrival time on the caller's monotonic clock
     * @param clockRate    RTP clock rate of the packet's payload type, in Hz
     */
    public PacketStatus onPacket(int sequenceNumber, long rtpTimestamp, long arrivalNanos, int clockRate) {
        int seq = sequenceNumber & 0xFFFF;
        if (!started) {
            restart(seq);
            count(seq, rtpTimestamp, arrivalNanos, clockRate);
            return PacketStatus.COUNTED;
        }
        int forward = (seq - maxSequence) & 0xFFFF;
        if (forward == 0) {
            return PacketStatus.DUPLICATE;
        }
        if (forward < MAX_DROPOUT) {
            if (seq < maxSequence) {
                cycles += SEQUENCE_MODULUS;
            }
            maxSequence = seq;
            count(cycles + seq, rtpTimestamp, arrivalNanos, clockRate);
            return PacketStatus.COUNTED;
        }
        if (forward <= SEQUENCE_MODULUS - MAX_MISORDER) {
            if (seq != badSequence) {
                badSequence = (seq + 1) & 0xFFFF;
                return PacketStatus.UNCONFIRMED_JUMP;
            }
            restart(seq);
            count(seq, rtpTimestamp, arrivalNanos, clockRate);
            return PacketStatus.RESTARTED;
        }
        long extended = cycles + seq - (seq > maxSequence ? SEQUENCE_MODULUS : 0);
        if (recentExtended[slot(extended)] == extended) {
            return PacketStatus.DUPLICATE;
        }
        // A late packet from before the first one widens the range we expected, rather than
        // making "received" exceed "expected".
        baseExtended = Math.min(baseExtended, extended);
        count(extended, rtpTimestamp, arrivalNanos, clockRate);
        return PacketStatus.COUNTED;
    }

    /**
     * Remembers the last SR received from this source, for LSR and DLSR.
     *
     * @param ntpMiddle32 {@link NtpTime#middle32} of the SR's NTP timestamp
     * @param arrivalNanos when it arrived, on the same clock as {@link #report}'s {@code nowNanos}
     */
    public void onSenderReport(long ntpMiddle32, long arrivalNanos) {
        haveSenderReport = true;
        lastSenderReportMiddle32 = ntpMiddle32 & UINT32_MAX;
        lastSenderReportArrivalNanos = arrivalNanos;
    }

    /**
     * Builds the report block for this source and starts a new interval for the fraction lost.
     * Empty until a packet has been counted.
     */
    public Optional<ReportBlock> report(long nowNanos) {
        if (!started) {
            return Optional.empty();
        }
        long expected = expectedPackets();
        long expectedInterval = expected - expectedPrior;
        long lostInterval = expectedInterval - (received - receivedPrior);
        expectedPrior = expected;
        receivedPrior = received;
        // Counting a packet is what moves "expected", so lostInterval < expectedInterval: at most 255.
        int fractionLost = expectedInterval <= 0 || lostInterval <= 0
                ? 0
                : (int) ((lostInterval << 8) / expectedInterval);
        int cumulativeLost = (int) Math.max(MIN_CUMULATIVE_LOST, Math.min(MAX_CUMULATIVE_LOST, cumulativeLost()));
        long lsr = haveSenderReport ? lastSenderReportMiddle32 : 0;
        long dlsr = haveSenderReport
                ? Math.max(0, Math.min(UINT32_MAX,
                        ClockUnits.fromNanos(nowNanos - lastSenderReportArrivalNanos, DLSR_UNITS_PER_SECOND)))
                : 0;
        return Optional.of(new ReportBlock(ssrc, fractionLost, cumulativeLost, extendedHighestSequence(),
                jitter(), lsr, dlsr));
    }

    public long ssrc() {
        return ssrc;
    }

    public long packetsReceived() {
        return received;
    }

    public long expectedPackets() {
        return started ? cycles + maxSequence - baseExtended + 1 : 0;
    }

    /** Expected minus received since the start (or the last restart), not clamped to 24 bits. */
    public long cumulativeLost() {
        return expectedPackets() - received;
    }

    /** Cycles in the high 16 bits, highest sequence number received in the low 16. */
    public long extendedHighestSequence() {
        return (cycles + maxSequence) & UINT32_MAX;
    }

    /** Interarrival jitter in RTP timestamp units. */
    public long jitter() {
        return jitterTimes16 >> 4;
    }

    private void restart(int seq) {
        started = true;
        maxSequence = seq;
        cycles = 0;
        baseExtended = seq;
        badSequence = NO_BAD_SEQUENCE;
        received = 0;
        expectedPrior = 0;
        receivedPrior = 0;
        Arrays.fill(recentExtended, NONE);
        haveTransit = false;
    }

    private void count(long extended, long rtpTimestamp, long arrivalNanos, int clockRate) {
        int slot = slot(extended);
        if (recentExtended[slot] < extended) {
            recentExtended[slot] = extended;
        }
        received++;
        updateJitter(rtpTimestamp, arrivalNanos, clockRate);
    }

    private void updateJitter(long rtpTimestamp, long arrivalNanos, int clockRate) {
        if (clockRate != jitterClockRate) {
            // Transit times measured with different clocks cannot be compared.
            jitterClockRate = clockRate;
            haveTransit = false;
        }
        // Both terms wrap at 32 bits like RTP timestamps, so the int difference stays meaningful.
        int transit = (int) (ClockUnits.fromNanos(arrivalNanos, clockRate) - rtpTimestamp);
        if (haveTransit) {
            long d = Math.abs((long) (transit - lastTransit));
            jitterTimes16 += d - ((jitterTimes16 + 8) >> 4);
        }
        lastTransit = transit;
        haveTransit = true;
    }

    private static int slot(long extended) {
        return (int) (extended & (RECENT_SIZE - 1));
    }
}
