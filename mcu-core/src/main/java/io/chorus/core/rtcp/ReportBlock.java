package io.chorus.core.rtcp;

/**
 * One reception report block of an RTCP SR or RR (RFC 3550 section 6.4.1).
 *
 * @param ssrc                     source this block reports on
 * @param fractionLost             loss since the previous report, as a fixed-point fraction of 256
 * @param cumulativeLost           packets lost since the start, signed 24-bit
 * @param extendedHighestSequence  cycles count in the top 16 bits, highest sequence number in the low 16
 * @param jitter                   interarrival jitter in timestamp units
 * @param lastSenderReport         middle 32 bits of the NTP timestamp of the last SR received (LSR)
 * @param delaySinceLastSenderReport delay since that SR, in units of 1/65536 s (DLSR)
 */
public record ReportBlock(long ssrc, int fractionLost, int cumulativeLost, long extendedHighestSequence,
        long jitter, long lastSenderReport, long delaySinceLastSenderReport) {
}
