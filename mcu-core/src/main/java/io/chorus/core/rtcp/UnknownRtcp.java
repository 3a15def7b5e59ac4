package io.chorus.core.rtcp;

import java.util.Arrays;

/**
 * An RTCP packet, or a feedback message format, that we do not interpret (APP, XR, unknown FMTs...). It is
 * kept whole so it can be counted, logged or forwarded.
 *
 * @param packetType PT, 0..255
 * @param count      the 5-bit count/FMT field
 * @param body       everything after the 4-byte header, padding excluded; written back padded to a
 *                   32-bit boundary the RFC 3550 way (P bit set, the last octet counting the padding
 *                   octets), so that parsing what was written gives this body again
 */
public record UnknownRtcp(int packetType, int count, byte[] body) implements RtcpPacket {

    public UnknownRtcp {
        if (packetType < 0 || packetType > 0xFF) {
            throw new IllegalArgumentException("packet type " + packetType + " is not 8-bit");
        }
        if (count < 0 || count > RtcpHeader.MAX_COUNT) {
            throw new IllegalArgumentException("count " + count + " is not 5-bit");
        }
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public int length() {
        return RtcpHeader.LENGTH + RtcpHeader.alignTo4(body.length);
    }

    @Override
    public int writeTo(byte[] buf, int offset) {
        int length = length();
        RtcpHeader.write(buf, offset, count, packetType, length);
        System.arraycopy(body, 0, buf, offset + RtcpHeader.LENGTH, body.length);
        int padding = length - RtcpHeader.LENGTH - body.length;
        if (padding > 0) {
            // Zero octets alone would read back as part of the body.
            Arrays.fill(buf, offset + RtcpHeader.LENGTH + body.length, offset + length, (byte) 0);
            buf[offset] |= 0x20;
            buf[offset + length - 1] = (byte) padding;
        }
        return length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownRtcp other && packetType == other.packetType && count == other.count
                && Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * packetType + count) + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "UnknownRtcp[packetType=" + packetType + ", count=" + count + ", bodyLength=" + body.length + "]";
    }
}
