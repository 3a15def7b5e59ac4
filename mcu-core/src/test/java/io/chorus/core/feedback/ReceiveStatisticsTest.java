package io.chorus.core.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.core.feedback.ReceiveStatistics.PacketStatus;
import io.chorus.core.rtcp.ReportBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReceiveStatisticsTest {
    private static final long SSRC = 0x1234_5678L;
    private static final int VIDEO_CLOCK = 90_000;
    private static final long MS = 1_000_000L;
    /** 20 ms of a 90 kHz clock. */
    private static final long TICKS_PER_PACKET = 1800;

    private final ReceiveStatistics stats = new ReceiveStatistics(SSRC);

    /** Feeds {@code seq} as if sent on a perfect 20 ms grid, packet index = seq, arriving with no jitter. */
    private PacketStatus receive(int seq) {
        return stats.onPacket(seq, seq * TICKS_PER_PACKET, seq * 20 * MS, VIDEO_CLOCK);
    }

    private ReportBlock report() {
        return stats.report(0).orElseThrow();
    }

    @Test
    void noReportBeforeAnyPacket() {
        assertTrue(stats.report(0).isEmpty());
    }

    @Test
    void oneLostOutOfTen() {
        for (int seq = 0; seq < 10; seq++) {
            if (seq != 5) {
                assertEquals(PacketStatus.COUNTED, receive(seq));
            }
        }
        assertEquals(9, stats.packetsReceived());
        assertEquals(10, stats.expectedPackets());
        ReportBlock block = report();
        assertEquals(SSRC, block.ssrc());
        assertEquals(256 / 10, block.fractionLost());
        assertEquals(1, block.cumulativeLost());
        assertEquals(9, block.extendedHighestSequence());
    }

    @Test
    void fractionLostCoversOnlyTheIntervalSinceTheLastReport() {
        for (int seq = 0; seq < 10; seq++) {
            if (seq != 5) {
                receive(seq);
            }
        }
        report();
        for (int seq = 10; seq < 20; seq++) {
            receive(seq);
        }
        ReportBlock block = report();
        assertEquals(0, block.fractionLost());
        assertEquals(1, block.cumulativeLost());
    }

    @Test
    void fractionLostOfTwoLostOutOfEightIsAQuarter() {
        for (int seq : new int[] {0, 1, 2, 3, 5, 7}) {
            receive(seq);
        }
        // expected 8 (0..7), received 6: 2/8 = 64/256
        assertEquals(64, report().fractionLost());
    }

    @Test
    void latePacketReducesCumulativeLossAndDoesNotMakeFractionNegative() {
        for (int seq = 0; seq < 10; seq++) {
            if (seq != 5) {
                receive(seq);
            }
        }
        report();
        assertEquals(PacketStatus.COUNTED, receive(5));
        ReportBlock block = report();
        assertEquals(0, block.cumulativeLost());
        assertEquals(0, block.fractionLost());
        assertEquals(9, block.extendedHighestSequence());
    }

    @Test
    void wrapAroundWithOneHoleCountsACycle() {
        for (int seq : new int[] {65534, 65535, 1, 2}) {
            assertEquals(PacketStatus.COUNTED, receive(seq));
        }
        ReportBlock block = report();
        assertEquals(0x1_0002L, block.extendedHighestSequence());
        assertEquals(5, stats.expectedPackets());
        assertEquals(1, block.cumulativeLost());
        assertEquals(256 / 5, block.fractionLost());

        assertEquals(PacketStatus.COUNTED, receive(0));
        assertEquals(0, stats.cumulativeLost());
        assertEquals(0x1_0002L, stats.extendedHighestSequence());
    }

    @Test
    void lateValueBeforeTheWrapStaysInThePreviousCycle() {
        for (int seq : new int[] {65533, 0, 1}) {
            receive(seq);
        }
        assertEquals(2, stats.cumulativeLost());
        assertEquals(PacketStatus.COUNTED, receive(65535));
        assertEquals(PacketStatus.COUNTED, receive(65534));
        assertEquals(0, stats.cumulativeLost());
        assertEquals(0x1_0001L, stats.extendedHighestSequence());
    }

    @Test
    void duplicatesAreNotCountedTwice() {
        assertEquals(PacketStatus.COUNTED, receive(1));
        assertEquals(PacketStatus.COUNTED, receive(2));
        assertEquals(PacketStatus.DUPLICATE, receive(2));
        assertEquals(PacketStatus.COUNTED, receive(3));
        assertEquals(PacketStatus.DUPLICATE, receive(1));
        assertEquals(PacketStatus.DUPLICATE, receive(2));
        assertEquals(3, stats.packetsReceived());
        assertEquals(0, report().cumulativeLost());
    }

    @Test
    void duplicateOfALatePacketAcrossTheWrapIsNotCountedTwice() {
        for (int seq : new int[] {65535, 1, 0, 0}) {
            receive(seq);
        }
        assertEquals(3, stats.packetsReceived());
        assertEquals(0, stats.cumulativeLost());
    }

    @Test
    void reorderedPacketsAreCountedWithoutLoss() {
        receive(10);
        receive(12);
        assertEquals(PacketStatus.COUNTED, receive(11));
        assertEquals(3, stats.packetsReceived());
        assertEquals(0, stats.cumulativeLost());
        assertEquals(12, stats.extendedHighestSequence());
    }

    @Test
    void packetFromBeforeTheFirstOneWidensTheExpectedRange() {
        receive(100);
        assertEquals(PacketStatus.COUNTED, receive(99));
        assertEquals(2, stats.expectedPackets());
        assertEquals(0, stats.cumulativeLost());
        assertEquals(100, stats.extendedHighestSequence());
    }

    @Test
    void confirmedLargeJumpRestartsTheCounters() {
        for (int seq = 100; seq <= 102; seq++) {
            receive(seq);
        }
        assertEquals(PacketStatus.UNCONFIRMED_JUMP, receive(40_000));
        assertEquals(3, stats.packetsReceived());
        assertEquals(PacketStatus.RESTARTED, receive(40_001));
        assertEquals(1, stats.packetsReceived());
        assertEquals(40_001, stats.extendedHighestSequence());
        assertEquals(0, report().cumulativeLost());
        assertEquals(PacketStatus.COUNTED, receive(40_002));
        assertEquals(2, stats.packetsReceived());
    }

    @Test
    void unconfirmedJumpIsIgnored() {
        receive(100);
        receive(101);
        assertEquals(PacketStatus.UNCONFIRMED_JUMP, receive(40_000));
        assertEquals(PacketStatus.COUNTED, receive(102));
        assertEquals(3, stats.packetsReceived());
        assertEquals(102, stats.extendedHighestSequence());
    }

    @Test
    void forwardStepsUpToTheDropoutLimitAreGaps() {
        receive(0);
        assertEquals(PacketStatus.COUNTED, receive(ReceiveStatistics.MAX_DROPOUT - 1));
        assertEquals(ReceiveStatistics.MAX_DROPOUT - 2, stats.cumulativeLost());
        assertEquals(PacketStatus.UNCONFIRMED_JUMP, receive(2 * ReceiveStatistics.MAX_DROPOUT - 1));
    }

    @Test
    void packetMoreThanTheMisorderLimitBehindIsTreatedAsAJump() {
        for (int seq = 0; seq <= 200; seq++) {
            if (seq != 100 && seq != 101) {
                receive(seq);
            }
        }
        assertEquals(PacketStatus.COUNTED, receive(101)); // 99 behind: late
        assertEquals(PacketStatus.UNCONFIRMED_JUMP, receive(100)); // 100 behind: MAX_MISORDER reached
        assertEquals(200, stats.packetsReceived());
    }

    @Test
    void cumulativeLostIsClampedTo24Bits() {
        int seq = 0;
        receive(seq);
        while (stats.cumulativeLost() <= 0x7F_FFFF) {
            seq = (seq + ReceiveStatistics.MAX_DROPOUT - 1) & 0xFFFF;
            receive(seq);
        }
        assertEquals(0x7F_FFFF, report().cumulativeLost());
    }

    @Test
    void jitterIsZeroForPerfectlySpacedArrivals() {
        for (int seq = 0; seq < 50; seq++) {
            receive(seq);
        }
        assertEquals(0, report().jitter());
    }

    /**
     * Every other packet arrives 1 ms (90 ticks) late, so each transit difference D is 90. With
     * J += (|D| - J) / 16, the exact values are 5.625, 10.898, 15.84... and A.8's integer form
     * truncates them to 5, 10, 15.
     */
    @ParameterizedTest(name = "arrival clock starting at {0} ns")
    @ValueSource(longs = {0L, 123_456_789_012_345L, Long.MAX_VALUE / 2, -7_000_000_000L})
    void jitterOfAlternatingOneMillisecondDelay(long clockStart) {
        long[] expected = {0, 5, 10, 15};
        for (int i = 0; i < expected.length; i++) {
            receiveWithDelay(i, clockStart);
            assertEquals(expected[i], stats.jitter(), "after packet " + i);
        }
        for (int i = expected.length; i < 400; i++) {
            receiveWithDelay(i, clockStart);
            double exact = 90 * (1 - Math.pow(15.0 / 16, i));
            assertTrue(Math.abs(stats.jitter() - exact) <= 1.5, "after packet " + i + ": " + stats.jitter());
        }
        // Converges on D = 90 within the rounding of the integer filter.
        assertTrue(stats.jitter() >= 89 && stats.jitter() <= 90, "converged to " + stats.jitter());
    }

    private void receiveWithDelay(int i, long clockStart) {
        long delay = i % 2 == 1 ? MS : 0;
        stats.onPacket(i, 5000 + i * TICKS_PER_PACKET, clockStart + i * 20 * MS + delay, VIDEO_CLOCK);
    }

    @Test
    void jitterIsUnaffectedByRtpTimestampWrap() {
        long start = 0xFFFF_FFFFL - 3 * TICKS_PER_PACKET;
        for (int i = 0; i < 8; i++) {
            stats.onPacket(i, (start + i * TICKS_PER_PACKET) & 0xFFFF_FFFFL, i * 20 * MS, VIDEO_CLOCK);
        }
        assertEquals(0, stats.jitter());
    }

    @Test
    void jitterOfAudioClock() {
        // 48 kHz, 20 ms = 960 ticks; one packet 2 ms (96 ticks) late: D = 96 then 96.
        stats.onPacket(0, 0, 0, 48_000);
        stats.onPacket(1, 960, 22 * MS, 48_000);
        assertEquals(6, stats.jitter()); // 96/16
        stats.onPacket(2, 1920, 40 * MS, 48_000);
        assertEquals(11, stats.jitter()); // J'=96+96-6=186, 186/16 = 11.6
    }

    @Test
    void lastSenderReportAndDelaySinceIt() {
        receive(1);
        ReportBlock withoutSr = stats.report(0).orElseThrow();
        assertEquals(0, withoutSr.lastSenderReport());
        assertEquals(0, withoutSr.delaySinceLastSenderReport());

        long srArrival = 5_000 * MS;
        stats.onSenderReport(0xAABB_CCDDL, srArrival);
        ReportBlock block = stats.report(srArrival + 1_500 * MS).orElseThrow();
        assertEquals(0xAABB_CCDDL, block.lastSenderReport());
        assertEquals(98_304, block.delaySinceLastSenderReport()); // 1.5 * 65536
    }
}
