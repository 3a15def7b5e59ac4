package io.chorus.core.net;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtcp.RtcpParser;
import io.chorus.core.rtp.RtpPacket;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fuzzes the RFC 7983 demultiplexer. Without JAZZER_FUZZ it replays the inputs saved under
 * {@code PacketClassifierFuzzTestInputs/classify/}; with it, Jazzer explores for as long as asked.
 */
class PacketClassifierFuzzTest {
    private static final int OFFSET = 5;

    @FuzzTest(maxDuration = "5m")
    void classify(byte[] datagram) {
        PacketKind kind = PacketClassifier.classify(datagram, 0, datagram.length);
        assertEquals(expected(datagram), kind);

        // The same bytes inside a larger buffer, surrounded by bytes that would classify differently:
        // the classifier must read only its range.
        for (byte fill : new byte[]{0x00, (byte) 0x80, (byte) 0xC8}) {
            byte[] framed = new byte[OFFSET + datagram.length + 16];
            Arrays.fill(framed, fill);
            System.arraycopy(datagram, 0, framed, OFFSET, datagram.length);
            assertEquals(kind, PacketClassifier.classify(framed, OFFSET, datagram.length));
        }

        // What it sends to the RTP and RTCP parsers, they either accept or reject as malformed.
        try {
            if (kind == PacketKind.RTP) {
                RtpPacket.parse(datagram, 0, datagram.length);
            } else if (kind == PacketKind.RTCP) {
                RtcpParser.parse(datagram, 0, datagram.length);
            }
        } catch (MalformedPacketException rejected) {
            // a malformed packet of the right kind: dropped and counted by the caller
        }
    }

    /** RFC 7983 section 7 first-byte ranges, RFC 5761 section 4 for RTCP versus RTP. */
    private static PacketKind expected(byte[] datagram) {
        if (datagram.length == 0) {
            return PacketKind.UNKNOWN;
        }
        int first = datagram[0] & 0xFF;
        if (first < 4) {
            return PacketKind.STUN;
        }
        if (first >= 20 && first < 64) {
            return PacketKind.DTLS;
        }
        if (first >= 128 && first < 192) {
            int second = datagram.length > 1 ? datagram[1] & 0xFF : -1;
            if (second >= 192 && second < 224) {
                return datagram.length >= 8 ? PacketKind.RTCP : PacketKind.UNKNOWN;
            }
            return datagram.length >= 12 ? PacketKind.RTP : PacketKind.UNKNOWN;
        }
        return PacketKind.UNKNOWN;
    }
}
