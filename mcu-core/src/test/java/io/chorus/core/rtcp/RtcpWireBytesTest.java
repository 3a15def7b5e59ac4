package io.chorus.core.rtcp;

import io.chorus.core.MalformedPacketException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.chorus.core.rtcp.RtcpTestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Byte layouts written out by hand from the RFCs, checked against both writer and parser. */
class RtcpWireBytesTest {

    private static void assertWritesAndParses(byte[] expected, RtcpPacket packet) throws MalformedPacketException {
        assertArrayEquals(expected, RtcpCompound.write(List.of(packet), 0));
        assertEquals(List.of(packet), RtcpParser.parse(expected, 0, expected.length));
    }

    @Test
    void pli() throws MalformedPacketException {
        assertWritesAndParses(hex("81ce0002 | 11223344 | 55667788"), new Pli(0x11223344L, 0x55667788L));
    }

    @Test
    void remb() throws MalformedPacketException {
        // 800000 bps = 200000 (0x30D40) << 2: exp 2, mantissa high bits 0b11 -> 0x0B, low 16 bits 0x0D40.
        assertWritesAndParses(hex("8fce0005 | 01020304 | 00000000 | 52454d42 | 010b0d40 | aabbccdd"),
                new Remb(0x01020304L, 800_000, List.of(0xAABBCCDDL)));
    }

    @Test
    void nackAcrossSequenceWrapPacksIntoOneItem() throws MalformedPacketException {
        // PID 65534, BLP bits 0..2 = 65535, 0, 1.
        assertWritesAndParses(hex("81cd0003 | 00000001 | 00000002 | fffe0007"),
                new GenericNack(1, 2, List.of(65534, 65535, 0, 1)));
    }

    @Test
    void nackStartsNewItemSeventeenAhead() throws MalformedPacketException {
        // 65535 + 16 = 15 still fits bit 15; 65535 + 17 = 16 does not.
        assertWritesAndParses(hex("81cd0004 | 00000001 | 00000002 | ffff8000 | 00100000"),
                new GenericNack(1, 2, List.of(65535, 15, 16)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "100;                       0064 0000",
            "65535 0;                   ffff 0001",
            "65534 65535 0;             fffe 0003",
            "65520 0;                   fff0 8000",       // 0 is 16 past 65520: BLP bit 15
            "65519 0;                   ffef 0000 | 0000 0000",
            "65535 1 2 3 40000;         ffff 000e | 9c40 0000",
            "10 10 11;                  000a 0001",       // a repeated PID is not reported twice
            "10 12 11;                  000a 0002 | 000b 0000", // out of order: a new item keeps the order
    })
    void nackPacksAscendingSequenceNumbersIntoPidAndBlp(String lost, String items) throws MalformedPacketException {
        List<Integer> sequenceNumbers = java.util.Arrays.stream(lost.trim().split(" ")).map(Integer::valueOf)
                .toList();
        byte[] fci = hex(items);
        byte[] expected = hex("81cd" + String.format("%04x", 2 + fci.length / 4) + " | 00000001 | 00000002 "
                + java.util.HexFormat.of().formatHex(fci));
        GenericNack nack = new GenericNack(1, 2, sequenceNumbers);
        assertArrayEquals(expected, RtcpCompound.write(List.of(nack), 0));
        assertEquals(sequenceNumbers.stream().distinct().toList(),
                ((GenericNack) RtcpParser.parse(expected, 0, expected.length).get(0)).lostSequenceNumbers());
    }

    /** Overlapping items on the wire: each number is kept where it first appears, and written back so. */
    @Test
    void nackKeepsEachNumberOnceAndInWireOrder() throws MalformedPacketException {
        byte[] wire = hex("81cd0005 | 00000001 | 00000002 | 000a 0002 | 000b 0001 | 000a 0000");
        GenericNack nack = (GenericNack) RtcpParser.parse(wire, 0, wire.length).get(0);
        assertEquals(List.of(10, 12, 11), nack.lostSequenceNumbers());
        byte[] rewritten = RtcpCompound.write(List.of(nack), 0);
        assertArrayEquals(hex("81cd0004 | 00000001 | 00000002 | 000a 0002 | 000b 0000"), rewritten);
        assertEquals(List.of(nack), RtcpParser.parse(rewritten, 0, rewritten.length));
    }

    @Test
    void nackExpandsBitmaskOfEveryItem() throws MalformedPacketException {
        byte[] wire = hex("81cd0004 | 00000001 | 00000002 | 0064 8001 | fffe 0000");
        GenericNack nack = (GenericNack) RtcpParser.parse(wire, 0, wire.length).get(0);
        assertEquals(List.of(100, 101, 116, 65534), nack.lostSequenceNumbers());
    }

    @Test
    void transportCcWithRunLengthAndTwoBitVectorChunks() throws MalformedPacketException {
        byte[] wire = hex("8fcd0008 | 00000001 | 00000002"
                + "| fffe 000a"      // base sequence 65534, 10 packets
                + "| 000102 05"      // reference time 0x000102, feedback packet count 5
                + "| 2003"           // run length: symbol 1 (small delta) x 3
                + "| e181"           // 2-bit vector: 2 0 1 2 0 0 1
                + "| 01 00 ff fffc 0a 012c 02 000000"); // deltas, then zero padding
        TransportCcFeedback feedback = (TransportCcFeedback) RtcpParser.parse(wire, 0, wire.length).get(0);

        assertEquals(1, feedback.senderSsrc());
        assertEquals(2, feedback.mediaSsrc());
        assertEquals(65534, feedback.baseSequenceNumber());
        assertEquals(10, feedback.packetStatusCount());
        assertEquals(0x000102, feedback.referenceTime());
        assertEquals(5, feedback.feedbackPacketCount());
        assertEquals(List.of(
                new TransportCcFeedback.Packet(65534, true, 250),
                new TransportCcFeedback.Packet(65535, true, 0),
                new TransportCcFeedback.Packet(0, true, 63_750),
                new TransportCcFeedback.Packet(1, true, -1_000),
                new TransportCcFeedback.Packet(2, false, 0),
                new TransportCcFeedback.Packet(3, true, 2_500),
                new TransportCcFeedback.Packet(4, true, 75_000),
                new TransportCcFeedback.Packet(5, false, 0),
                new TransportCcFeedback.Packet(6, false, 0),
                new TransportCcFeedback.Packet(7, true, 500)), feedback.packets());

        byte[] rewritten = RtcpCompound.write(List.of(feedback), 0);
        assertEquals(List.of(feedback), RtcpParser.parse(rewritten, 0, rewritten.length));
    }

    @Test
    void transportCcOneBitVectorAndPaddingBit() throws MalformedPacketException {
        byte[] wire = hex("afcd0006 | 00000001 | 00000002"
                + "| 0064 0003 | 00000000"
                + "| a800 04 00"     // 1-bit vector: 1 0 1, the rest beyond the count; deltas 4 and 0
                + "| 00000004");     // P bit set: four octets of padding
        TransportCcFeedback feedback = (TransportCcFeedback) RtcpParser.parse(wire, 0, wire.length).get(0);
        assertEquals(List.of(new TransportCcFeedback.Packet(100, true, 1_000),
                new TransportCcFeedback.Packet(101, false, 0),
                new TransportCcFeedback.Packet(102, true, 0)), feedback.packets());
    }

    @Test
    void senderReportLayout() throws MalformedPacketException {
        assertWritesAndParses(hex("81c8000c | 0000abcd | 83aa7e80 00000000 | 00015f90 | 0000000a | 000003e8"
                        + "| 11111111 | 19 0004d2 | 0001fffe | 0000004d | aabbccdd | 00010000"),
                new SenderReport(0xABCDL, 0x83AA7E80_00000000L, 90_000, 10, 1_000,
                        List.of(new ReportBlock(0x11111111L, 25, 1234, 0x0001FFFEL, 77, 0xAABBCCDDL, 65536))));
    }

    @Test
    void negativeCumulativeLossIsSignExtended() throws MalformedPacketException {
        byte[] wire = hex("81c90007 | 00000001 | 00000002 | 00 fffffe | 00000000 | 00000000 | 00000000 | 00000000");
        ReceiverReport rr = (ReceiverReport) RtcpParser.parse(wire, 0, wire.length).get(0);
        assertEquals(-2, rr.reportBlocks().get(0).cumulativeLost());
    }

    @Test
    void cumulativeLossBeyondTwentyFourBitsIsClampedOnWrite() throws MalformedPacketException {
        RtcpPacket rr = new ReceiverReport(1, List.of(new ReportBlock(2, 0, 1 << 30, 0, 0, 0, 0)));
        byte[] wire = RtcpCompound.write(List.of(rr), 0);
        assertEquals(0x7FFFFF, ((ReceiverReport) RtcpParser.parse(wire, 0, wire.length).get(0))
                .reportBlocks().get(0).cumulativeLost());
    }

    @Test
    void sdesAndByeLayouts() throws MalformedPacketException {
        // CNAME "abc": 01 03 'a' 'b' 'c' then end item and padding to 12 bytes for the chunk.
        assertWritesAndParses(hex("81ca0003 | 00000007 | 01036162 | 63000000"),
                new Sdes(List.of(new Sdes.Chunk(7, "abc"))));
        // CNAME "abcd" leaves two octets in the word: end item plus one padding octet.
        assertWritesAndParses(hex("81ca0003 | 00000007 | 01046162 | 63640000"),
                new Sdes(List.of(new Sdes.Chunk(7, "abcd"))));
        // CNAME "ab" fills its word exactly, so a whole zero word ends the chunk.
        assertWritesAndParses(hex("81ca0003 | 00000007 | 01026162 | 00000000"),
                new Sdes(List.of(new Sdes.Chunk(7, "ab"))));
        assertWritesAndParses(hex("81cb0002 | 00000005 | 03627965"), new Bye(List.of(5L), "bye"));
        assertWritesAndParses(hex("82cb0003 | 00000005 | 00000006 | 02686900"), new Bye(List.of(5L, 6L), "hi"));
    }

    @Test
    void sdesSkipsItemsOtherThanCname() throws MalformedPacketException {
        // NAME "x" (type 2), then CNAME "y", then end.
        byte[] wire = hex("81ca0003 | 00000009 | 02017801 | 01790000");
        assertEquals(List.of(new Sdes(List.of(new Sdes.Chunk(9, "y")))), RtcpParser.parse(wire, 0, wire.length));
    }

    @Test
    void unknownFeedbackFormatAndPacketTypeAreKept() throws MalformedPacketException {
        byte[] wire = hex("83cd0002 | 00000001 | 00000002 | 80cc0001 | 6e616d65");
        assertEquals(List.of(new UnknownRtcp(205, 3, hex("00000001 00000002")),
                new UnknownRtcp(204, 0, hex("6e616d65"))), RtcpParser.parse(wire, 0, wire.length));
    }

    @Test
    void afbWithoutRembIdentifierIsUnknown() throws MalformedPacketException {
        byte[] wire = hex("8fce0003 | 00000001 | 00000000 | 41424344");
        assertEquals(List.of(new UnknownRtcp(206, 15, hex("00000001 00000000 41424344"))),
                RtcpParser.parse(wire, 0, wire.length));
    }

    @Test
    void paddedReceiverReportDropsPadding() throws MalformedPacketException {
        byte[] wire = hex("a0c90002 | 00000001 | 00000004");
        assertEquals(List.of(new ReceiverReport(1, List.of())), RtcpParser.parse(wire, 0, wire.length));
    }
}
