package io.chorus.core.rtcp;

import io.chorus.core.rtp.RtpPacket;

/**
 * Picture Loss Indication, PSFB (PT=206) with FMT=1 (RFC 4585 section 6.3.1): the common feedback header
 * (sender SSRC, media source SSRC) and no FCI.
 */
public record Pli(long senderSsrc, long mediaSsrc) implements RtcpPacket {

    private static final int LENGTH = RtcpHeader.LENGTH + RtcpHeader.FEEDBACK_COMMON_LENGTH;

    public Pli {
        RtcpHeader.requireUint32(senderSsrc, "sender SSRC");
        RtcpHeader.requireUint32(mediaSsrc, "media SSRC");
    }

    /** Caller guarantees the 8 bytes of the common feedback header; any FCI bytes are ignored. */
    static Pli parse(byte[] buf, int offset) {
        return new Pli(RtpPacket.readUint32(buf, offset), RtpPacket.readUint32(buf, offset + 4));
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public int writeTo(byte[] buf, int offset) {
        return RtcpHeader.writeFeedback(buf, offset, RtcpHeader.FMT_PLI, RtcpHeader.PSFB, LENGTH, senderSsrc,
                mediaSsrc);
    }
}
