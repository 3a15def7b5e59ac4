package io.chorus.core.net;

/**
 * Demultiplexes one UDP flow that carries STUN, DTLS, RTP and RTCP together (RFC 7983 section 7):
 * the first byte selects the protocol (0-3 STUN, 20-63 DTLS, 128-191 RTP/RTCP), and with rtcp-mux
 * the second byte separates RTCP (packet types 192-223, RFC 5761 section 4) from RTP.
 */
public final class PacketClassifier {
    private static final int MIN_RTP_LENGTH = 12;
    private static final int MIN_RTCP_LENGTH = 8;

    private PacketClassifier() {
    }

    public static PacketKind classify(byte[] buffer, int offset, int length) {
        if (length < 1) {
            return PacketKind.UNKNOWN;
        }
        int first = buffer[offset] & 0xFF;
        if (first <= 3) {
            return PacketKind.STUN;
        }
        if (first >= 20 && first <= 63) {
            return PacketKind.DTLS;
        }
        if (first >= 128 && first <= 191 && length >= MIN_RTCP_LENGTH) {
            int second = buffer[offset + 1] & 0xFF;
            if (second >= 192 && second <= 223) {
                return PacketKind.RTCP;
            }
            return length >= MIN_RTP_LENGTH ? PacketKind.RTP : PacketKind.UNKNOWN;
        }
        return PacketKind.UNKNOWN;
    }
}
