package io.chorus.core.rtcp;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;

import java.util.List;

/**
 * RTCP receiver report, PT=201 (RFC 3550 section 6.4.2): header, SSRC of the packet sender, then RC
 * report blocks of 24 bytes each. Profile-specific extensions after the blocks are skipped on parse.
 */
public record ReceiverReport(long senderSsrc, List<ReportBlock> reportBlocks) implements RtcpPacket {

    public ReceiverReport {
        RtcpHeader.requireUint32(senderSsrc, "sender SSRC");
        reportBlocks = List.copyOf(reportBlocks);
        RtcpHeader.requireCount(reportBlocks.size(), "report block");
    }

    static ReceiverReport parse(byte[] buf, int offset, int length, int count) throws MalformedPacketException {
        int needed = 4 + count * ReportBlockCodec.LENGTH;
        if (length < needed) {
            throw new MalformedPacketException("RR with " + count + " report blocks needs " + needed
                    + " body bytes, has " + length);
        }
        return new ReceiverReport(RtpPacket.readUint32(buf, offset), ReportBlockCodec.readAll(buf, offset + 4, count));
    }

    @Override
    public int length() {
        return RtcpHeader.LENGTH + 4 + reportBlocks.size() * ReportBlockCodec.LENGTH;
    }

    @Override
    public int writeTo(byte[] buf, int offset) {
        int length = length();
        RtcpHeader.write(buf, offset, reportBlocks.size(), RtcpHeader.RR, length);
        RtpPacket.writeUint32(buf, offset + RtcpHeader.LENGTH, senderSsrc);
        ReportBlockCodec.writeAll(reportBlocks, buf, offset + RtcpHeader.LENGTH + 4);
        return length;
    }
}
