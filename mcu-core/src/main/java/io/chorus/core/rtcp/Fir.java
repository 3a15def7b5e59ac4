package io.chorus.core.rtcp;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;

import java.util.ArrayList;
import java.util.List;

/**
 * Full Intra Request, PSFB (PT=206) with FMT=4 (RFC 5104 section 4.3.1). The media source SSRC of the
 * common header is unused (written as 0); the FCI holds one 8-byte entry per target:
 * <pre>
 * |                              SSRC                             |
 * | Seq nr.       |    Reserved                                   |
 * </pre>
 */
public record Fir(long senderSsrc, List<Entry> entries) implements RtcpPacket {

    private static final int ENTRY_LENGTH = 8;

    /** @param sequenceNumber command sequence number, 0..255, incremented per new request to that SSRC */
    public record Entry(long ssrc, int sequenceNumber) {
        public Entry {
            RtcpHeader.requireUint32(ssrc, "FIR SSRC");
            if (sequenceNumber < 0 || sequenceNumber > 0xFF) {
                throw new IllegalArgumentException("FIR sequence number " + sequenceNumber + " is not 8-bit");
            }
        }
    }

    public Fir {
        RtcpHeader.requireUint32(senderSsrc, "sender SSRC");
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("FIR needs at least one entry");
        }
    }

    /** {@code offset}/{@code length} span the feedback body: the two common SSRCs, then the FCI. */
    static Fir parse(byte[] buf, int offset, int length) throws MalformedPacketException {
        int fciLength = length - RtcpHeader.FEEDBACK_COMMON_LENGTH;
        if (fciLength <= 0 || fciLength % ENTRY_LENGTH != 0) {
            throw new MalformedPacketException("FIR FCI of " + fciLength + " bytes is not a positive multiple of "
                    + ENTRY_LENGTH);
        }
        List<Entry> entries = new ArrayList<>(fciLength / ENTRY_LENGTH);
        for (int pos = offset + RtcpHeader.FEEDBACK_COMMON_LENGTH; pos < offset + length; pos += ENTRY_LENGTH) {
            entries.add(new Entry(RtpPacket.readUint32(buf, pos), buf[pos + 4] & 0xFF));
        }
        return new Fir(RtpPacket.readUint32(buf, offset), entries);
    }

    @Override
    public int length() {
        return RtcpHeader.LENGTH + RtcpHeader.FEEDBACK_COMMON_LENGTH + entries.size() * ENTRY_LENGTH;
    }

    @Override
    public int writeTo(byte[] buf, int offset) {
        int length = length();
        int pos = offset + RtcpHeader.writeFeedback(buf, offset, RtcpHeader.FMT_FIR, RtcpHeader.PSFB, length,
                senderSsrc, 0);
        for (Entry entry : entries) {
            RtpPacket.writeUint32(buf, pos, entry.ssrc());
            RtpPacket.writeUint32(buf, pos + 4, (long) entry.sequenceNumber() << 24);
            pos += ENTRY_LENGTH;
        }
        return length;
    }
}
