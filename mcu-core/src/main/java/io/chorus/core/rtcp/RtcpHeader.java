package io.chorus.core.rtcp;

import io.chorus.core.rtp.RtpPacket;

/**
 * The 4-byte header shared by every RTCP packet (RFC 3550 section 6.4.1):
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * |V=2|P| count/FMT |      PT       |  length (32-bit words - 1)   |
 * </pre>
 * The 5-bit field is a report/source count for SR, RR, SDES and BYE, and the feedback message type
 * (FMT) for RTPFB/PSFB (RFC 4585 section 6.1).
 */
final class RtcpHeader {
    static final int LENGTH = 4;
    static final int VERSION = 2;
    static final int MAX_COUNT = 31;
    static final int MAX_PACKET_LENGTH = (0xFFFF + 1) * 4;

    static final int SR = 200;
    static final int RR = 201;
    static final int SDES = 202;
    static final int BYE = 203;
    static final int RTPFB = 205;
    static final int PSFB = 206;

    static final int FMT_NACK = 1;
    static final int FMT_TRANSPORT_CC = 15;
    static final int FMT_PLI = 1;
    static final int FMT_FIR = 4;
    static final int FMT_AFB = 15;

    private RtcpHeader() {
    }

    /** Writes the header of a packet that is {@code packetLength} bytes long in total (header included). */
    static void write(byte[] buf, int offset, int countOrFormat, int packetType, int packetLength) {
        if (packetLength % 4 != 0 || packetLength < LENGTH || packetLength > MAX_PACKET_LENGTH) {
            throw new IllegalArgumentException("RTCP packet length " + packetLength + " not encodable");
        }
        buf[offset] = (byte) ((VERSION << 6) | countOrFormat);
        buf[offset + 1] = (byte) packetType;
        RtpPacket.writeUint16(buf, offset + 2, packetLength / 4 - 1);
    }

    /** Feedback packets (RFC 4585 section 6.1) add sender and media source SSRCs after the header. */
    static final int FEEDBACK_COMMON_LENGTH = 8;

    /** Writes header plus the sender/media SSRC pair common to all feedback messages; returns bytes written. */
    static int writeFeedback(byte[] buf, int offset, int format, int packetType, int packetLength, long senderSsrc,
            long mediaSsrc) {
        write(buf, offset, format, packetType, packetLength);
        RtpPacket.writeUint32(buf, offset + LENGTH, senderSsrc);
        RtpPacket.writeUint32(buf, offset + LENGTH + 4, mediaSsrc);
        return LENGTH + FEEDBACK_COMMON_LENGTH;
    }

    static int alignTo4(int n) {
        return (n + 3) & ~3;
    }

    static void requireCount(int count, String what) {
        if (count > MAX_COUNT) {
            throw new IllegalArgumentException(what + " count " + count + " exceeds " + MAX_COUNT);
        }
    }

    static void requireUint32(long v, String what) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(what + " " + v + " is not an unsigned 32-bit value");
        }
    }

    static void requireUint16(int v, String what) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException(what + " " + v + " is not an unsigned 16-bit value");
        }
    }
}
