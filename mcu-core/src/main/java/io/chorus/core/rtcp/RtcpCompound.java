package io.chorus.core.rtcp;

import java.util.List;

/** Serialises packets back to back into one compound RTCP packet (RFC 3550 section 6.1). */
public final class RtcpCompound {

    private RtcpCompound() {
    }

    /**
     * @param extraTail bytes left free after the packets, so SRTCP protection (index word and auth tag)
     *                  can happen in place without another copy
     * @return an array of {@code length(packets) + extraTail} bytes holding the packets from index 0
     */
    public static byte[] write(List<RtcpPacket> packets, int extraTail) {
        if (extraTail < 0) {
            throw new IllegalArgumentException("extra tail " + extraTail + " is negative");
        }
        byte[] buf = new byte[length(packets) + extraTail];
        int pos = 0;
        for (RtcpPacket packet : packets) {
            pos += packet.writeTo(buf, pos);
        }
        return buf;
    }

    public static int length(List<RtcpPacket> packets) {
        int length = 0;
        for (RtcpPacket packet : packets) {
            length += packet.length();
        }
        return length;
    }
}
