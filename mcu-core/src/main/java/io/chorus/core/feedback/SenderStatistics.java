package io.chorus.core.feedback;

import java.util.Optional;

/**
 * What one outgoing RTP stream has sent, for its RTCP sender reports. Not thread-safe: one per
 * SSRC, used on the stream's sending thread.
 *
 * <p>The SR's RTP timestamp must correspond to the SR's own send time, not to the last packet's
 * media time (RFC 3550 section 6.4.1), so receivers can map our RTP clock to wall time for
 * lip sync. It is extrapolated from the newest RTP timestamp sent and the moment it was sent.
 */
public final class SenderStatistics {
    private static final long UINT32_MASK = 0xFFFF_FFFFL;

    private final int clockRate;
    private boolean sent;
    private long packets;
    private long octets;
    private long newestRtpTimestamp;
    private long newestRtpTimestampAtNanos;

    /** @param clockRate the stream's RTP clock rate in Hz */
    public SenderStatistics(int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive: " + clockRate);
        }
        this.clockRate = clockRate;
    }

    /**
     * Accounts for one packet sent for the first time (not a retransmission).
     *
     * @param payloadOctets payload length, without header or padding, as the SR octet count wants
     * @param nowNanos      send time on the caller's monotonic clock
     */
    public void onPacketSent(long rtpTimestamp, int payloadOctets, long nowNanos) {
        long timestamp = rtpTimestamp & UINT32_MASK;
        // Only a newer timestamp moves the anchor: later packets of the same frame would make the
        // media clock appear to stand still, and an older one would pull it back.
        if (!sent || (int) (timestamp - newestRtpTimestamp) > 0) {
            newestRtpTimestamp = timestamp;
            newestRtpTimestampAtNanos = nowNanos;
        }
        sent = true;
        packets++;
        octets += payloadOctets;
    }

    /**
     * The SR sender information for now; empty until a packet was sent, when a receiver report
     * is due instead.
     *
     * @param nowNanos     now, on the clock of {@link #onPacketSent}
     * @param ntpTimestamp now as an NTP timestamp, e.g. {@link NtpTime#fromUnixNanos}
     */
    public Optional<SenderReportFields> report(long nowNanos, long ntpTimestamp) {
        if (!sent) {
            return Optional.empty();
        }
        long elapsed = ClockUnits.fromNanos(nowNanos - newestRtpTimestampAtNanos, clockRate);
        long rtpTimestamp = (newestRtpTimestamp + elapsed) & UINT32_MASK;
        return Optional.of(new SenderReportFields(ntpTimestamp, rtpTimestamp, packets & UINT32_MASK,
                octets & UINT32_MASK));
    }

    public long packetsSent() {
        return packets;
    }

    public long octetsSent() {
        return octets;
    }
}
