package io.chorus.core.feedback;

/**
 * The sender information of an RTCP SR (RFC 3550 section 6.4.1), all fields unsigned 32 bits
 * except the 64-bit NTP timestamp.
 *
 * @param ntpTimestamp wall-clock time of the report
 * @param rtpTimestamp the same instant on the stream's RTP clock
 * @param packetCount  packets sent since the start, modulo 2^32
 * @param octetCount   payload octets sent since the start, modulo 2^32
 */
public record SenderReportFields(long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount) {
}
