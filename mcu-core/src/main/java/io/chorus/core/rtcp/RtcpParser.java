package io.chorus.core.rtcp;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a compound RTCP packet (RFC 3550 section 6.1) into its packets. Each packet's length field must
 * land exactly on the next packet or on the end of the input; a set P bit means the packet's last octet
 * counts the padding octets to drop. RFC 3550 wants a compound to start with SR or RR, but reduced-size
 * RTCP (RFC 5506) allows a lone feedback packet, so the first packet's type is not checked.
 */
public final class RtcpParser {

    private RtcpParser() {
    }

    public static List<RtcpPacket> parse(byte[] buf, int offset, int length) throws MalformedPacketException {
        if (buf == null || offset < 0 || length < 0 || offset > buf.length - length) {
            throw new MalformedPacketException("RTCP range offset " + offset + " length " + length
                    + " is outside the buffer");
        }
        if (length == 0) {
            throw new MalformedPacketException("empty RTCP packet");
        }
        List<RtcpPacket> packets = new ArrayList<>(4);
        int end = offset + length;
        int pos = offset;
        while (pos < end) {
            if (end - pos < RtcpHeader.LENGTH) {
                throw new MalformedPacketException(
                        "RTCP packet " + packets.size() + ": " + (end - pos) + " bytes left, too few for a header");
            }
            int first = buf[pos] & 0xFF;
            if (first >>> 6 != RtcpHeader.VERSION) {
                throw new MalformedPacketException("RTCP packet " + packets.size() + ": version " + (first >>> 6));
            }
            int packetLength = (RtpPacket.readUint16(buf, pos + 2) + 1) * 4;
            if (packetLength > end - pos) {
                throw new MalformedPacketException("RTCP packet " + packets.size() + ": length " + packetLength
                        + " exceeds the " + (end - pos) + " bytes left");
            }
            int bodyLength = packetLength - RtcpHeader.LENGTH;
            if ((first & 0x20) != 0) {
                int padding = buf[pos + packetLength - 1] & 0xFF;
                if (padding == 0 || padding > bodyLength) {
                    throw new MalformedPacketException("RTCP packet " + packets.size() + ": padding " + padding
                            + " with a body of " + bodyLength + " bytes");
                }
                bodyLength -= padding;
            }
            packets.add(parseOne(buf, pos + RtcpHeader.LENGTH, bodyLength, first & 0x1F, buf[pos + 1] & 0xFF));
            pos += packetLength;
        }
        return packets;
    }

    private static RtcpPacket parseOne(byte[] buf, int body, int bodyLength, int count, int packetType)
            throws MalformedPacketException {
        return switch (packetType) {
            case RtcpHeader.SR -> SenderReport.parse(buf, body, bodyLength, count);
            case RtcpHeader.RR -> ReceiverReport.parse(buf, body, bodyLength, count);
            case RtcpHeader.SDES -> Sdes.parse(buf, body, bodyLength, count);
            case RtcpHeader.BYE -> Bye.parse(buf, body, bodyLength, count);
            case RtcpHeader.RTPFB -> parseTransportFeedback(buf, body, bodyLength, count);
            case RtcpHeader.PSFB -> parsePayloadFeedback(buf, body, bodyLength, count);
            default -> unknown(buf, body, bodyLength, count, packetType);
        };
    }

    private static RtcpPacket parseTransportFeedback(byte[] buf, int body, int bodyLength, int format)
            throws MalformedPacketException {
        requireFeedbackHeader(bodyLength, "RTPFB", format);
        return switch (format) {
            case RtcpHeader.FMT_NACK -> GenericNack.parse(buf, body, bodyLength);
            case RtcpHeader.FMT_TRANSPORT_CC -> TransportCcFeedback.parse(buf, body, bodyLength);
            default -> unknown(buf, body, bodyLength, format, RtcpHeader.RTPFB);
        };
    }

    private static RtcpPacket parsePayloadFeedback(byte[] buf, int body, int bodyLength, int format)
            throws MalformedPacketException {
        requireFeedbackHeader(bodyLength, "PSFB", format);
        return switch (format) {
            case RtcpHeader.FMT_PLI -> Pli.parse(buf, body);
            case RtcpHeader.FMT_FIR -> Fir.parse(buf, body, bodyLength);
            case RtcpHeader.FMT_AFB -> Remb.isRemb(buf, body, bodyLength)
                    ? Remb.parse(buf, body, bodyLength)
                    : unknown(buf, body, bodyLength, format, RtcpHeader.PSFB);
            default -> unknown(buf, body, bodyLength, format, RtcpHeader.PSFB);
        };
    }

    private static void requireFeedbackHeader(int bodyLength, String kind, int format)
            throws MalformedPacketException {
        if (bodyLength < RtcpHeader.FEEDBACK_COMMON_LENGTH) {
            throw new MalformedPacketException(kind + " FMT " + format + " body of " + bodyLength
                    + " bytes lacks the sender and media SSRCs");
        }
    }

    private static UnknownRtcp unknown(byte[] buf, int body, int bodyLength, int count, int packetType) {
        return new UnknownRtcp(packetType, count, Arrays.copyOfRange(buf, body, body + bodyLength));
    }
}
