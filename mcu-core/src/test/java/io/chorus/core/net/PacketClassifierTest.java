package io.chorus.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PacketClassifierTest {
    @ParameterizedTest(name = "first={0} second={1} length={2} -> {3}")
    @CsvSource({
            "0, 1, 20, STUN",       // binding request
            "1, 1, 20, STUN",       // binding success response
            "3, 0, 20, STUN",
            "4, 0, 20, UNKNOWN",    // ZRTP/reserved range below DTLS
            "20, 254, 13, DTLS",    // change_cipher_spec
            "22, 254, 13, DTLS",    // handshake
            "23, 254, 13, DTLS",    // application data
            "63, 0, 13, DTLS",
            "64, 0, 13, UNKNOWN",   // TURN channel range: not used on our port
            "128, 96, 12, RTP",     // VP8 PT 96
            "144, 111, 40, RTP",    // extension bit set, Opus PT 111
            "128, 224, 12, RTP",    // marker bit + PT 96 = 224: beyond RTCP range, still RTP
            "128, 200, 28, RTCP",   // SR
            "129, 201, 32, RTCP",   // RR with one block
            "129, 205, 16, RTCP",   // RTPFB (NACK)
            "129, 206, 12, RTCP",   // PSFB (PLI)
            "128, 96, 11, UNKNOWN", // too short for RTP
            "128, 200, 7, UNKNOWN", // too short for RTCP
            "192, 96, 12, UNKNOWN", // version 3
            "255, 0, 12, UNKNOWN",
    })
    void classifiesByFirstBytes(int first, int second, int length, PacketKind expected) {
        byte[] packet = new byte[Math.max(length, 2)];
        packet[0] = (byte) first;
        packet[1] = (byte) second;
        assertEquals(expected, PacketClassifier.classify(packet, 0, length));
    }

    @ParameterizedTest
    @CsvSource({"0", "5"})
    void respectsOffset(int offset) {
        byte[] packet = new byte[offset + 12];
        packet[offset] = (byte) 0x80;
        packet[offset + 1] = (byte) 200;
        assertEquals(PacketKind.RTCP, PacketClassifier.classify(packet, offset, 12));
        assertEquals(PacketKind.UNKNOWN, PacketClassifier.classify(packet, offset, 0));
    }
}
