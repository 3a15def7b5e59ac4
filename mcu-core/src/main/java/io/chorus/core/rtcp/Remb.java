package io.chorus.core.rtcp;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;

import java.util.ArrayList;
import java.util.List;

/**
 * Receiver Estimated Maximum Bitrate (draft-alvestrand-rmcat-remb-03): an application-layer feedback
 * message, PSFB (PT=206) FMT=15, whose media source SSRC is 0 and whose FCI is
 * <pre>
 * |  Unique identifier 'R' 'E' 'M' 'B'                            |
 * |  Num SSRC     | BR Exp    |  BR Mantissa                      |
 * |   SSRC feedback (Num SSRC entries)                            |
 * </pre>
 * The bitrate is mantissa (18 bits) shifted left by exp (6 bits). Writing rounds down to what those
 * 24 bits can express.
 */
public record Remb(long senderSsrc, long bitrateBps, List<Long> ssrcs) implements RtcpPacket {

    private static final int IDENTIFIER = ('R' << 24) | ('E' << 16) | ('M' << 8) | 'B';
    private static final int MANTISSA_BITS = 18;
    private static final long MAX_MANTISSA = (1L << MANTISSA_BITS) - 1;
    private static final int MAX_SSRCS = 255;
    private static final int FIXED_FCI_LENGTH = 8;

    public Remb {
        RtcpHeader.requireUint32(senderSsrc, "sender SSRC");
        if (bitrateBps < 0) {
            throw new IllegalArgumentException("REMB bitrate " + bitrateBps + " is negative");
        }
        ssrcs = List.copyOf(ssrcs);
        if (ssrcs.size() > MAX_SSRCS) {
            throw new IllegalArgumentException("REMB lists " + ssrcs.size() + " SSRCs, at most " + MAX_SSRCS);
        }
        for (long ssrc : ssrcs) {
            RtcpHeader.requireUint32(ssrc, "REMB SSRC");
        }
    }

    /** True when the FCI after the common feedback header starts with the 'REMB' identifier. */
    static boolean isRemb(byte[] buf, int offset, int length) {
        return length >= RtcpHeader.FEEDBACK_COMMON_LENGTH + 4
                && RtpPacket.readUint32(buf, offset + RtcpHeader.FEEDBACK_COMMON_LENGTH) == IDENTIFIER;
    }

    /** {@code offset}/{@code length} span the feedback body: the two common SSRCs, then the FCI. */
    static Remb parse(byte[] buf, int offset, int length) throws MalformedPacketException {
        int fci = offset + RtcpHeader.FEEDBACK_COMMON_LENGTH;
        int fciLength = length - RtcpHeader.FEEDBACK_COMMON_LENGTH;
        if (fciLength < FIXED_FCI_LENGTH) {
            throw new MalformedPacketException("REMB FCI of " + fciLength + " bytes is shorter than "
                    + FIXED_FCI_LENGTH);
        }
        int ssrcCount = buf[fci + 4] & 0xFF;
        if (fciLength < FIXED_FCI_LENGTH + ssrcCount * 4) {
            throw new MalformedPacketException("REMB with " + ssrcCount + " SSRCs has only " + fciLength
                    + " FCI bytes");
        }
        int exponent = (buf[fci + 5] & 0xFF) >>> 2;
        long mantissa = ((buf[fci + 5] & 0x03L) << 16) | ((buf[fci + 6] & 0xFFL) << 8) | (buf[fci + 7] & 0xFFL);
        if (mantissa != 0 && exponent >= Long.numberOfLeadingZeros(mantissa)) {
            throw new MalformedPacketException("REMB bitrate " + mantissa + "<<" + exponent + " overflows");
        }
        List<Long> ssrcs = new ArrayList<>(ssrcCount);
        for (int i = 0; i < ssrcCount; i++) {
            ssrcs.add(RtpPacket.readUint32(buf, fci + FIXED_FCI_LENGTH + i * 4));
        }
        return new Remb(RtpPacket.readUint32(buf, offset), mantissa << exponent, ssrcs);
    }

    @Override
    public int length() {
        return RtcpHeader.LENGTH + RtcpHeader.FEEDBACK_COMMON_LENGTH + FIXED_FCI_LENGTH + ssrcs.size() * 4;
    }

    @Override
    public int writeTo(byte[] buf, int offset) {
        int length = length();
        int pos = offset + RtcpHeader.writeFeedback(buf, offset, RtcpHeader.FMT_AFB, RtcpHeader.PSFB, length,
                senderSsrc, 0);
        int exponent = 0;
        while ((bitrateBps >>> exponent) > MAX_MANTISSA) {
            exponent++;
        }
        long mantissa = bitrateBps >>> exponent;
        RtpPacket.writeUint32(buf, pos, IDENTIFIER);
        buf[pos + 4] = (byte) ssrcs.size();
        buf[pos + 5] = (byte) ((exponent << 2) | (int) (mantissa >>> 16));
        RtpPacket.writeUint16(buf, pos + 6, (int) mantissa & 0xFFFF);
        pos += FIXED_FCI_LENGTH;
        for (long ssrc : ssrcs) {
            RtpPacket.writeUint32(buf, pos, ssrc);
            pos += 4;
        }
        return length;
    }
}
