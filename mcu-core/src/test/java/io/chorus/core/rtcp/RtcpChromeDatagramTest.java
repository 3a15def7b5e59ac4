package io.chorus.core.rtcp;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static io.chorus.core.rtcp.RtcpTestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Datagrams shaped like the ones Chrome sends to an SFU/MCU, assembled by hand field by field: Chrome's
 * receive-only SSRC 1, a 16-character base64 CNAME, our video stream 0x3c9f1a02.
 */
class RtcpChromeDatagramTest {

    private static final long CHROME_SSRC = 1;
    private static final long VIDEO_SSRC = 0x3C9F1A02L;
    private static final String CNAME = "YdMWYQgL2Bu3+Jhh";
    /** SDES, SC=1, CNAME item 01 10 + 16 octets, end item, one octet of padding. */
    private static final String SDES_CNAME_BODY = "01105964 | 4d575951 | 674c3242 | 75332b4a | 68680000";

    static final byte[] RECEIVER_REPORT_AND_SDES = hex(
            "81c90007 | 00000001"              // RR, RC=1, sender SSRC 1
            + "| 3c9f1a02 | 0a 000003"         // block on our video: fraction lost 10/256, 3 lost
            + "| 00010f2c | 00000025"          // one cycle + sequence 3884, jitter 37
            + "| 12345a1c | 0000c000"          // LSR = middle of the SR below, DLSR 0.75 s
            + "| 81ca0006 | 00000001 |" + SDES_CNAME_BODY);

    static final byte[] SENDER_REPORT_AND_SDES = hex(
            "80c80006 | 3c9f1a02"              // SR, RC=0
            + "| e4b81234 | 5a1cac08"          // NTP timestamp
            + "| 7d2b8c40 | 000004d2 | 0012d687" // RTP timestamp, 1234 packets, 1234567 octets
            + "| 81ca0006 | 3c9f1a02 |" + SDES_CNAME_BODY);

    static final byte[] RECEIVER_REPORT_AND_REMB = hex(
            "80c90001 | 00000001"
            + "| 8fce0005 | 00000001 | 00000000 | 52454d42" // PSFB FMT 15, media SSRC 0, 'REMB'
            + "| 01 12625a"                    // 1 SSRC; exp 4, mantissa 0x2625a: 156250 << 4 = 2.5 Mbps
            + "| 3c9f1a02");

    /** Reduced-size (RFC 5506) transport-cc feedback on 32 packets from 65533, with the padding bit set. */
    static final byte[] TRANSPORT_CC = hex(
            "afcd000e | 00000001 | 3c9f1a02"
            + "| fffd 0020 | 1a2b3c 07"        // base 65533, 32 packets, reference time, feedback #7
            + "| 2009"                         // run length: 9 x small delta (65533..5)
            + "| a7ff"                         // 1-bit vector: 1 0 0 1 1 1 1 1 1 1 1 1 1 1 (6..19)
            + "| e459"                         // 2-bit vector: 2 1 0 1 1 2 1 (20..26)
            + "| 2002"                         // run length: 2 x small delta (27, 28)
            + "| 18040008 | 04041000 | 04"     // deltas of 65533..5
            + "0c | 04040800 | 04140400 | 0408 04" // 6, then 9..19
            + "| 0190 02 04 00 fff8 06"        // 20 (large), 21, 23, 24, 25 (large, negative), 26
            + "| 0404 01");                    // 27, 28, one octet of padding

    private static final int LOST = Integer.MIN_VALUE;
    /** Receive deltas of the transport-cc datagram in 250 us units, LOST for packets not received. */
    private static final int[] TRANSPORT_CC_DELTAS = {24, 4, 0, 8, 4, 4, 16, 0, 4,
            12, LOST, LOST, 4, 4, 8, 0, 4, 20, 4, 0, 4, 8, 4,
            400, 2, LOST, 4, 0, -8, 6,
            4, 4};

    private static List<RtcpPacket> parse(byte[] datagram) throws MalformedPacketException {
        return RtcpParser.parse(datagram, 0, datagram.length);
    }

    @Test
    void receiveOnlyReport() throws MalformedPacketException {
        List<RtcpPacket> expected = List.of(
                new ReceiverReport(CHROME_SSRC,
                        List.of(new ReportBlock(VIDEO_SSRC, 10, 3, 0x0001_0F2CL, 37, 0x12345A1CL, 0xC000))),
                new Sdes(List.of(new Sdes.Chunk(CHROME_SSRC, CNAME))));
        assertEquals(expected, parse(RECEIVER_REPORT_AND_SDES));
        assertArrayEquals(RECEIVER_REPORT_AND_SDES, RtcpCompound.writeReport(expected, 0));
    }

    @Test
    void senderReport() throws MalformedPacketException {
        SenderReport sr = new SenderReport(VIDEO_SSRC, 0xE4B81234_5A1CAC08L, 0x7D2B8C40L, 1234, 1_234_567, List.of());
        List<RtcpPacket> expected = List.of(sr, new Sdes(List.of(new Sdes.Chunk(VIDEO_SSRC, CNAME))));
        assertEquals(expected, parse(SENDER_REPORT_AND_SDES));
        assertArrayEquals(SENDER_REPORT_AND_SDES, RtcpCompound.writeReport(expected, 0));
        // The receiver report above echoes this SR as its LSR: the middle 32 bits of the NTP timestamp.
        assertEquals(0x12345A1CL, (sr.ntpTimestamp() >>> 16) & 0xFFFF_FFFFL);
    }

    @Test
    void remb() throws MalformedPacketException {
        List<RtcpPacket> expected = List.of(new ReceiverReport(CHROME_SSRC, List.of()),
                new Remb(CHROME_SSRC, 2_500_000, List.of(VIDEO_SSRC)));
        assertEquals(expected, parse(RECEIVER_REPORT_AND_REMB));
        assertArrayEquals(RECEIVER_REPORT_AND_REMB, RtcpCompound.writeReport(expected, 0));
    }

    @Test
    void transportCcWithRunLengthAndBothStatusVectors() throws MalformedPacketException {
        List<RtcpPacket> packets = parse(TRANSPORT_CC);
        assertEquals(1, packets.size());
        TransportCcFeedback feedback = (TransportCcFeedback) packets.get(0);
        assertEquals(CHROME_SSRC, feedback.senderSsrc());
        assertEquals(VIDEO_SSRC, feedback.mediaSsrc());
        assertEquals(65533, feedback.baseSequenceNumber());
        assertEquals(32, feedback.packetStatusCount());
        assertEquals(0x1A2B3C, feedback.referenceTime());
        assertEquals(7, feedback.feedbackPacketCount());

        long[] arrivals = feedback.arrivalTimesMicros();
        long time = 0x1A2B3CL * 64_000;
        for (int i = 0; i < TRANSPORT_CC_DELTAS.length; i++) {
            TransportCcFeedback.Packet packet = feedback.packets().get(i);
            assertEquals((65533 + i) & 0xFFFF, packet.sequenceNumber(), "packet " + i);
            if (TRANSPORT_CC_DELTAS[i] == LOST) {
                assertFalse(packet.received(), "packet " + i);
                assertEquals(TransportCcFeedback.NOT_RECEIVED, arrivals[i], "packet " + i);
            } else {
                time += TRANSPORT_CC_DELTAS[i] * 250L;
                assertTrue(packet.received(), "packet " + i);
                assertEquals(TRANSPORT_CC_DELTAS[i] * 250L, packet.arrivalDeltaMicros(), "packet " + i);
                assertEquals(time, arrivals[i], "packet " + i);
            }
        }
        // 548 delta units in all after the reference time.
        assertEquals(0x1A2B3CL * 64_000 + 548 * 250, arrivals[31]);

        byte[] rewritten = RtcpCompound.write(packets, 0);
        assertEquals(packets, parse(rewritten));
    }

    @Test
    void everyTruncationIsRejectedUnlessItEndsAfterTheFirstPacket() throws MalformedPacketException {
        for (byte[] datagram : List.of(RECEIVER_REPORT_AND_SDES, SENDER_REPORT_AND_SDES, RECEIVER_REPORT_AND_REMB,
                TRANSPORT_CC)) {
            int firstPacketLength = (RtpPacket.readUint16(datagram, 2) + 1) * 4;
            for (int length = 0; length < datagram.length; length++) {
                int cut = length;
                if (cut == firstPacketLength) {
                    assertEquals(parse(datagram).subList(0, 1), RtcpParser.parse(datagram, 0, cut));
                } else {
                    assertThrows(MalformedPacketException.class, () -> RtcpParser.parse(datagram, 0, cut),
                            HexFormat.of().formatHex(datagram) + " cut at " + cut);
                }
            }
        }
    }
}
