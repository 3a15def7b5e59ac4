package io.chorus.core.rtcp;

import java.util.List;

/**
 * Serialises packets back to back into one compound RTCP packet (RFC 3550 section 6.1). Both entry points
 * return an array with {@code extraTail} free bytes after the packets, so SRTCP protection (index word and
 * auth tag) can happen in place without another copy; {@link #length} tells where the packets end.
 */
public final class RtcpCompound {

    private RtcpCompound() {
    }

    /**
     * A regular compound, as sent on the report interval: RFC 3550 section 6.1 wants it to start with an SR
     * or RR, and receivers that do not do reduced-size RTCP drop anything else.
     *
     * @throws IllegalArgumentException when the first packet is not a {@link SenderReport} or {@link ReceiverReport}
     */
    public static byte[] writeReport(List<RtcpPacket> packets, int extraTail) {
        RtcpPacket first = packets.isEmpty() ? null : packets.get(0);
        if (!(first instanceof SenderReport || first instanceof ReceiverReport)) {
            throw new IllegalArgumentException("a regular RTCP compound starts with SR or RR, not "
                    + (first == null ? "nothing" : first.getClass().getSimpleName()));
        }
        return write(packets, extraTail);
    }

    /**
     * Any sequence of packets, including a reduced-size packet (RFC 5506) that carries only feedback such as
     * a NACK, PLI or transport-cc message.
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

    /** Bytes the packets take, without any tail. */
    public static int length(List<RtcpPacket> packets) {
        int length = 0;
        for (RtcpPacket packet : packets) {
            length += packet.length();
        }
        return length;
    }
}
