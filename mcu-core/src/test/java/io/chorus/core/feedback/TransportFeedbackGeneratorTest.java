package io.chorus.core.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.chorus.core.rtcp.RtcpCompound;
import io.chorus.core.rtcp.RtcpParser;
import io.chorus.core.rtcp.TransportCcFeedback;
import io.chorus.core.rtcp.TransportCcFeedback.Packet;

class TransportFeedbackGeneratorTest {
    private static final long T0 = 10 * 64_000L + 1_000; // 1 ms after a reference-time boundary

    @Test
    void reportsArrivalsAndTheLossAcrossTheSequenceWrap() throws Exception {
        TransportFeedbackGenerator generator = new TransportFeedbackGenerator();
        generator.onPacket(65534, T0);
        generator.onPacket(65535, T0 + 500);
        generator.onPacket(1, T0 + 20_000); // 0 lost
        List<TransportCcFeedback> feedback = generator.build(1, 2);

        assertEquals(1, feedback.size());
        TransportCcFeedback f = feedback.get(0);
        assertEquals(65534, f.baseSequenceNumber());
        assertEquals(4, f.packetStatusCount());
        assertEquals(10, f.referenceTime());
        assertEquals(List.of(new Packet(65534, true, 1_000), new Packet(65535, true, 500), new Packet(0, false, 0),
                new Packet(1, true, 19_500)), f.packets());
        byte[] wire = RtcpCompound.write(List.of(f), 0);
        assertEquals(List.of(f), RtcpParser.parse(wire, 0, wire.length), "survives the wire");
    }

    @Test
    void continuesFromWhereTheLastFeedbackEndedAndCountsFeedbackPackets() {
        TransportFeedbackGenerator generator = new TransportFeedbackGenerator();
        generator.onPacket(10, T0);
        TransportCcFeedback first = generator.build(1, 2).get(0);
        generator.onPacket(13, T0 + 50_000); // 11 and 12 lost
        TransportCcFeedback second = generator.build(1, 2).get(0);
        assertEquals(11, second.baseSequenceNumber(), "the loss between two reports is reported");
        assertEquals(List.of(false, false, true), second.packets().stream().map(Packet::received).toList());
        assertEquals(first.feedbackPacketCount() + 1, second.feedbackPacketCount());
        assertTrue(generator.build(1, 2).isEmpty(), "nothing new, nothing sent");
    }

    @Test
    void aPacketArrivingAfterItsNumberWasReportedIsCountedLateNotReportedTwice() {
        TransportFeedbackGenerator generator = new TransportFeedbackGenerator();
        generator.onPacket(5, T0);
        generator.onPacket(7, T0 + 1_000);
        generator.build(1, 2);
        generator.onPacket(6, T0 + 2_000);
        assertTrue(generator.build(1, 2).isEmpty());
        assertEquals(1, generator.latePackets());
    }

    @Test
    void reorderedArrivalGivesANegativeDelta() {
        TransportFeedbackGenerator generator = new TransportFeedbackGenerator();
        generator.onPacket(1, T0 + 4_000);
        generator.onPacket(2, T0 + 1_000);
        List<Packet> packets = generator.build(1, 2).get(0).packets();
        assertEquals(-3_000, packets.get(1).arrivalDeltaMicros());
    }

    @Test
    void splitsLongRunsAndDeltasBeyondSixteenBits() {
        TransportFeedbackGenerator generator = new TransportFeedbackGenerator();
        for (int i = 0; i < 300; i++) {
            generator.onPacket(i, T0 + i * 1_000L);
        }
        generator.onPacket(300, T0 + 300_000L + 20_000_000L); // 20 s later: too far for one delta
        List<TransportCcFeedback> feedback = generator.build(1, 2);
        assertEquals(3, feedback.size());
        assertEquals(TransportFeedbackGenerator.MAX_PACKETS_PER_FEEDBACK, feedback.get(0).packetStatusCount());
        assertEquals(300, feedback.get(2).baseSequenceNumber());
        assertEquals(301, feedback.stream().mapToInt(TransportCcFeedback::packetStatusCount).sum());
        assertFalse(feedback.stream().flatMap(f -> f.packets().stream()).anyMatch(p -> !p.received()));
    }
}
