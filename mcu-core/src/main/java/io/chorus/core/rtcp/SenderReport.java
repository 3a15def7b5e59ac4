package io.chorus.core.rtcp;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;

import java.util.List;

/**
 * RTCP sender report, PT=200 (RFC 3550 section 6.4.1):
 * <pre>
 * |V=2|P|    RC   |   PT=SR=200   |             length            |
 * |                         SSRC of sender                        |
 * |              NTP timestamp, most significant word             |
 * |             NTP timestamp, least significant word             |
 * |                         RTP timestamp                         |
 * |                     sender's packet count                     |
 * |                      sender's octet count                     |
 * |                 report blocks (RC x 24 bytes)                 |
 * |                  profile-specific extensions                  |
 * </pre>
 * Profile-specific extensions are skipped on parse and never written.
 *
 * @param ntpTimestamp full 64-bit NTP timestamp (seconds in the high word, fraction in the low word)
 */
public record SenderReport(long senderSsrc, long ntpTimestamp, long rtpTimestamp, long packetCount,
        long octetCount, List<ReportBlock> reportBlocks) implements RtcpPacket {

    private static final int SENDER_INFO_LENGTH = 24;

    public SenderReport {
        RtcpHeader.requireUint32(senderSsrc, "sender SSRC");
        RtcpHeader.requireUint32(rtpTimestamp, "RTP timestamp");
        RtcpHeader.requireUint32(packetCount, "packet count");
        RtcpHeader.requireUint32(octetCount, "octet count");
        reportBlocks = List.copyOf(reportBlocks);
        RtcpHeader.requireCount(reportBlocks.size(), "report block");
    }

    static SenderReport parse(byte[] buf, int offset, int length, int count) throws MalformedPacketException {
        int needed = SENDER_INFO_LENGTH + count * ReportBlockCodec.LENGTH;
        if (length < needed) {
            throw new MalformedPacketException("SR with " + count + " report blocks needs " + needed
                    + " body bytes, has " + length);
        }
        long ntp = (RtpPacket.readUint32(buf, offset + 4) << 32) | RtpPacket.readUint32(buf, offset + 8);
        return new SenderReport(RtpPacket.readUint32(buf, offset), ntp, RtpPacket.readUint32(buf, offset + 12),
                RtpPacket.readUint32(buf, offset + 16), RtpPacket.readUint32(buf, offset + 20),
                ReportBlockCodec.readAll(buf, offset + SENDER_INFO_LENGTH, count));
    }

    @Override
    public int length() {
        return RtcpHeader.LENGTH + SENDER_INFO_LENGTH + reportBlocks.size() * ReportBlockCodec.LENGTH;
    }

    @Override
    public int writeTo(byte[] buf, int offset) {
        int length = length();
        RtcpHeader.write(buf, offset, reportBlocks.size(), RtcpHeader.SR, length);
        int pos = offset + RtcpHeader.LENGTH;
        RtpPacket.writeUint32(buf, pos, senderSsrc);
        RtpPacket.writeUint32(buf, pos + 4, ntpTimestamp >>> 32);
        RtpPacket.writeUint32(buf, pos + 8, ntpTimestamp);
        RtpPacket.writeUint32(buf, pos + 12, rtpTimestamp);
        RtpPacket.writeUint32(buf, pos + 16, packetCount);
        RtpPacket.writeUint32(buf, pos + 20, octetCount);
        ReportBlockCodec.writeAll(reportBlocks, buf, pos + SENDER_INFO_LENGTH);
        return length;
    }
}
