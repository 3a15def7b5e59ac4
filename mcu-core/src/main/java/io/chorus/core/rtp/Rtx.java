package io.chorus.core.rtp;

import io.chorus.core.MalformedPacketException;

/**
 * RTP retransmission payload format (RFC 4588 section 4): an RTX packet carries the original
 * sequence number (OSN) in its first two payload bytes, followed by the original payload, on its
 * own SSRC and payload type.
 */
public final class Rtx {
    private static final int OSN_LENGTH = 2;

    private Rtx() {
    }

    /**
     * Rewrites an RTX packet in place into the original packet: header moved forward over the
     * OSN, sequence number, SSRC and payload type restored. Returns the view of the restored packet
     * (same array, new offset).
     */
    public static RtpPacket unwrap(RtpPacket rtx, long originalSsrc, int originalPayloadType)
            throws MalformedPacketException {
        if (rtx.payloadLength() < OSN_LENGTH) {
            throw new MalformedPacketException("RTX packet without original sequence number ("
                    + rtx.payloadLength() + " payload bytes)");
        }
        byte[] buf = rtx.buffer();
        int osn = RtpPacket.readUint16(buf, rtx.payloadOffset());
        int headerStart = rtx.offset();
        int newStart = headerStart + OSN_LENGTH;
        System.arraycopy(buf, headerStart, buf, newStart, rtx.headerLength());
        RtpPacket original = RtpPacket.parse(buf, newStart, rtx.length() - OSN_LENGTH);
        original.setSequenceNumber(osn);
        original.setSsrc(originalSsrc);
        original.setPayloadType(originalPayloadType);
        return original;
    }

    /** Whether an RTX packet is empty padding (used by senders for bandwidth probing). */
    public static boolean isPaddingOnly(RtpPacket rtx) {
        return rtx.payloadLength() == 0;
    }
}
