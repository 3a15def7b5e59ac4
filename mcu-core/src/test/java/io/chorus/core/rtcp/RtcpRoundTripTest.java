package io.chorus.core.rtcp;

import io.chorus.core.MalformedPacketException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RtcpRoundTripTest {

    static final ReportBlock BLOCK_A = new ReportBlock(0x11111111L, 25, 1234, 0x0001FFFEL, 77, 0xAABBCCDDL, 65536);
    static final ReportBlock BLOCK_B = new ReportBlock(0xFFFFFFFFL, 255, -5, 0xFFFFFFFFL, 0xFFFFFFFFL, 0, 0xFFFFFFFFL);

    static Stream<RtcpPacket> packets() {
        return Stream.of(
                new SenderReport(0xDEADBEEFL, 0xE8A1B2C3D4E5F607L, 0xFFFFFFFFL, 42, 0x80000000L, List.of()),
                new SenderReport(1, 2, 3, 4, 5, List.of(BLOCK_A, BLOCK_B)),
                new ReceiverReport(0x01020304L, List.of()),
                new ReceiverReport(0x01020304L, List.of(BLOCK_B, BLOCK_A)),
                new Sdes(List.of()),
                new Sdes(List.of(new Sdes.Chunk(7, "user@host"), new Sdes.Chunk(8, ""), new Sdes.Chunk(9, null),
                        new Sdes.Chunk(10, "abc"), new Sdes.Chunk(11, "ünïcødé-cname"))),
                new Bye(List.of(), null),
                new Bye(List.of(1L, 0xFFFFFFFFL), null),
                new Bye(List.of(5L), ""),
                new Bye(List.of(5L), "bye"),
                new Bye(List.of(5L, 6L), "shutting down"),
                new GenericNack(1, 2, List.of(100)),
                new GenericNack(1, 2, List.of(65534, 65535, 0, 1, 17, 40000)),
                new GenericNack(1, 2, List.of(10, 11, 26, 27, 28)),
                new Pli(0xCAFEBABEL, 0x0BADF00DL),
                new Fir(3, List.of(new Fir.Entry(4, 0), new Fir.Entry(0xFFFFFFFFL, 255))),
                new Remb(3, 0, List.of()),
                new Remb(3, 262_143, List.of(1L)),
                new Remb(3, 800_000, List.of(1L, 2L, 3L)),
                new Remb(3, 0x3FFFFL << 45, List.of(4L)),
                transportCc(65530, new int[]{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}),
                transportCc(7, new int[]{1, 0, 1, 0, 1, 1, 0, 0, 1, 1, 1, 0, 1, 0, 1, 1}),
                transportCc(65535, new int[]{2, -3, 0, 1, 255, 256, 0, -1, 40}),
                transportCc(0, new int[]{0}),
                new TransportCcFeedback(1, 2, 0, 0, 0xFFFFFF, 255, List.of()),
                new UnknownRtcp(204, 3, RtcpTestBytes.hex("01020304 41424344 ffee0000")),
                new UnknownRtcp(205, 3, RtcpTestBytes.hex("00000001 00000002 0a0b0c0d")),
                new UnknownRtcp(206, 15, RtcpTestBytes.hex("00000001 00000000 41424344")),
                new UnknownRtcp(204, 1, RtcpTestBytes.hex("6e616d")), // written with the P bit and 1 octet of padding
                new UnknownRtcp(126, 15, RtcpTestBytes.hex("01")));
    }

    /** One packet per entry: 0 means lost, anything else received with that many 250 us delta units. */
    static TransportCcFeedback transportCc(int base, int[] deltaUnits) {
        List<TransportCcFeedback.Packet> packets = new ArrayList<>();
        for (int i = 0; i < deltaUnits.length; i++) {
            boolean received = deltaUnits[i] != 0;
            packets.add(new TransportCcFeedback.Packet((base + i) & 0xFFFF, received, deltaUnits[i] * 250L));
        }
        return new TransportCcFeedback(0x10203040L, 0x50607080L, base, packets.size(), 0x123456, 9, packets);
    }

    @ParameterizedTest
    @MethodSource("packets")
    void eachPacketSurvivesWriteThenParse(RtcpPacket packet) throws MalformedPacketException {
        byte[] wire = RtcpCompound.write(List.of(packet), 0);
        assertEquals(packet.length(), wire.length);
        assertEquals(0, wire.length % 4);
        assertEquals(wire.length / 4 - 1, ((wire[2] & 0xFF) << 8) | (wire[3] & 0xFF));
        assertEquals(List.of(packet), RtcpParser.parse(wire, 0, wire.length));
    }

    @ParameterizedTest
    @MethodSource("packets")
    void writeToReturnsLengthAndHonoursOffset(RtcpPacket packet) throws MalformedPacketException {
        byte[] buf = new byte[packet.length() + 10];
        assertEquals(packet.length(), packet.writeTo(buf, 7));
        assertEquals(List.of(packet), RtcpParser.parse(buf, 7, packet.length()));
    }

    @Test
    void senderReportWithSdesCompound() throws MalformedPacketException {
        List<RtcpPacket> compound = List.of(new SenderReport(0xAAAAAAAAL, 0x1122334455667788L, 90000, 10, 1000,
                List.of(BLOCK_A)), new Sdes(List.of(new Sdes.Chunk(0xAAAAAAAAL, "chorus-mcu"))));
        byte[] wire = RtcpCompound.write(compound, 0);
        assertEquals(RtcpCompound.length(compound), wire.length);
        assertEquals(compound, RtcpParser.parse(wire, 0, wire.length));
    }

    @Test
    void receiverReportSdesNackCompoundLeavesRoomForSrtcpTail() throws MalformedPacketException {
        List<RtcpPacket> compound = List.of(new ReceiverReport(1, List.of(BLOCK_A, BLOCK_B)),
                new Sdes(List.of(new Sdes.Chunk(1, "c"))), new GenericNack(1, 0x99L, List.of(65535, 0, 3)));
        byte[] wire = RtcpCompound.write(compound, 14);
        assertEquals(RtcpCompound.length(compound) + 14, wire.length);
        assertArrayEquals(new byte[14], java.util.Arrays.copyOfRange(wire, wire.length - 14, wire.length));
        assertEquals(compound, RtcpParser.parse(wire, 0, wire.length - 14));
    }

    @Test
    void regularReportMustStartWithSenderOrReceiverReport() {
        Pli pli = new Pli(1, 2);
        assertThrows(IllegalArgumentException.class, () -> RtcpCompound.writeReport(List.of(), 0));
        assertThrows(IllegalArgumentException.class,
                () -> RtcpCompound.writeReport(List.of(pli, new ReceiverReport(1, List.of())), 0));
        List<RtcpPacket> report = List.of(new ReceiverReport(1, List.of()), pli);
        assertArrayEquals(RtcpCompound.write(report, 4), RtcpCompound.writeReport(report, 4));
    }

    @Test
    void reducedSizeFeedbackAloneIsWritable() throws MalformedPacketException {
        List<RtcpPacket> feedback = List.of(new GenericNack(1, 2, List.of(65535, 0)), new Pli(1, 2));
        byte[] wire = RtcpCompound.write(feedback, 0);
        assertEquals(feedback, RtcpParser.parse(wire, 0, wire.length));
    }

    @Test
    void rembWriteRoundsDownToWhatTwentyFourBitsHold() throws MalformedPacketException {
        byte[] wire = RtcpCompound.write(List.of(new Remb(1, 1_000_001, List.of())), 0);
        Remb parsed = (Remb) RtcpParser.parse(wire, 0, wire.length).get(0);
        // 1_000_001 needs 20 bits: exponent 2 drops the low two bits.
        assertEquals(1_000_000, parsed.bitrateBps());
    }

    @Test
    void transportCcDeltaRoundsDownToQuarterMilliseconds() throws MalformedPacketException {
        TransportCcFeedback feedback = new TransportCcFeedback(1, 2, 5, 2, 0, 0, List.of(
                new TransportCcFeedback.Packet(5, true, 1_001), new TransportCcFeedback.Packet(6, true, -1)));
        byte[] wire = RtcpCompound.write(List.of(feedback), 0);
        TransportCcFeedback parsed = (TransportCcFeedback) RtcpParser.parse(wire, 0, wire.length).get(0);
        assertEquals(1_000, parsed.packets().get(0).arrivalDeltaMicros());
        assertEquals(-250, parsed.packets().get(1).arrivalDeltaMicros());
    }

    @Test
    void longTransportCcRunUsesRunLengthChunks() throws MalformedPacketException {
        int[] units = new int[TransportCcFeedback.MAX_REPORTED_PACKETS];
        java.util.Arrays.fill(units, 4);
        TransportCcFeedback feedback = transportCc(60000, units);
        // 4096 small deltas: one run-length chunk, 4096 one-byte deltas, padded to 32 bits.
        assertEquals(RtcpHeader.alignTo4(4 + 8 + 8 + 2 + 4096), feedback.length());
        byte[] wire = RtcpCompound.write(List.of(feedback), 0);
        assertEquals(List.of(feedback), RtcpParser.parse(wire, 0, wire.length));
    }
}
