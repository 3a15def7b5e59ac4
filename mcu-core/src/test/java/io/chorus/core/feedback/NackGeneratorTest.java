package io.chorus.core.feedback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chorus.core.feedback.NackGenerator.Arrival;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NackGeneratorTest {
    private NackGenerator generator = new NackGenerator();

    private int[] due(long nowMs) {
        int[] out = new int[generator.maxMissing()];
        return Arrays.copyOf(out, generator.dueNacks(nowMs, out));
    }

    @Test
    void holeAcrossTheWrapIsNackedAndRecovered() {
        assertEquals(Arrival.IN_ORDER, generator.onPacket(65534, 0));
        assertEquals(Arrival.IN_ORDER, generator.onPacket(65535, 0));
        assertEquals(Arrival.GAP_OPENED, generator.onPacket(1, 0));
        assertArrayEquals(new int[] {0}, due(0));
        assertEquals(Arrival.RECOVERED, generator.onPacket(0, 30));
        assertEquals(Arrival.IN_ORDER, generator.onPacket(2, 30));
        assertArrayEquals(new int[0], due(500));
        assertEquals(1, generator.recoveredCount());
        assertEquals(0, generator.missingCount());
    }

    @ParameterizedTest(name = "starting at {0}")
    @ValueSource(ints = {0, 65000, 65530, 65535})
    void everyHoleIsNackedOnceInAscendingOrderWhereverTheSequenceStarts(int start) {
        generator.onPacket(start, 0);
        generator.onPacket(start + 1 & 0xFFFF, 0);
        assertEquals(Arrival.GAP_OPENED, generator.onPacket(start + 5 & 0xFFFF, 0));
        int[] expected = IntStream.rangeClosed(2, 4).map(i -> start + i & 0xFFFF).toArray();
        assertArrayEquals(expected, due(0));
        assertArrayEquals(new int[0], due(10));
    }

    @Test
    void retriesEveryRttThenGivesUpAfterMaxNacks() {
        generator = new NackGenerator(1000, 3, 10_000);
        generator.onPacket(1, 0);
        generator.onPacket(3, 0);
        assertArrayEquals(new int[] {2}, due(0));
        assertArrayEquals(new int[0], due(99));
        assertArrayEquals(new int[] {2}, due(100));
        assertArrayEquals(new int[0], due(150));
        assertArrayEquals(new int[] {2}, due(210));
        assertEquals(1, generator.missingCount());
        // The third NACK had its RTT to be answered; now it is abandoned.
        assertArrayEquals(new int[0], due(310));
        assertEquals(0, generator.missingCount());
        assertEquals(1, generator.givenUpCount());
        assertEquals(Arrival.LATE, generator.onPacket(2, 320));
        assertEquals(0, generator.recoveredCount());
    }

    @Test
    void givesUpOnHolesOlderThanMaxAge() {
        generator = new NackGenerator(1000, 10, 250);
        generator.onPacket(1, 0);
        generator.onPacket(3, 0);
        assertArrayEquals(new int[] {2}, due(0));
        assertArrayEquals(new int[] {2}, due(100));
        assertArrayEquals(new int[] {2}, due(200));
        assertArrayEquals(new int[0], due(250));
        assertEquals(1, generator.givenUpCount());
    }

    @Test
    void defaultsNackTenTimesAtHundredMillisecondIntervals() {
        generator.onPacket(1, 0);
        generator.onPacket(3, 0);
        int nacks = 0;
        for (long now = 0; now <= 2000; now += 10) {
            int[] due = due(now);
            if (due.length > 0) {
                assertEquals(nacks * NackGenerator.DEFAULT_RTT_MS, now);
                nacks++;
            }
        }
        assertEquals(NackGenerator.DEFAULT_MAX_NACKS, nacks);
        assertEquals(1, generator.givenUpCount());
    }

    @Test
    void retryIntervalFollowsTheRtt() {
        generator.setRttMs(30);
        generator.onPacket(1, 0);
        generator.onPacket(3, 0);
        assertArrayEquals(new int[] {2}, due(0));
        assertArrayEquals(new int[0], due(29));
        assertArrayEquals(new int[] {2}, due(30));
        assertThrows(IllegalArgumentException.class, () -> generator.setRttMs(-1));
    }

    @Test
    void holesDetectedLaterAreNackedOnTheirOwnSchedule() {
        generator.onPacket(1, 0);
        generator.onPacket(3, 0);
        assertArrayEquals(new int[] {2}, due(0));
        generator.onPacket(5, 40);
        assertArrayEquals(new int[] {4}, due(40));
        assertArrayEquals(new int[] {2}, due(100));
        assertArrayEquals(new int[] {4}, due(140));
    }

    @Test
    void gapOfMaxMissingIsTrackedButOneMoreClearsAndAsksForAKeyFrame() {
        generator.onPacket(0, 0);
        assertEquals(Arrival.GAP_OPENED, generator.onPacket(NackGenerator.DEFAULT_MAX_MISSING + 1, 0));
        assertEquals(NackGenerator.DEFAULT_MAX_MISSING, due(0).length);

        int newest = NackGenerator.DEFAULT_MAX_MISSING + 1;
        assertEquals(Arrival.GAP_TOO_LARGE, generator.onPacket(newest + NackGenerator.DEFAULT_MAX_MISSING + 2, 10));
        assertEquals(0, generator.missingCount());
        assertEquals(NackGenerator.DEFAULT_MAX_MISSING, generator.droppedCount());
        assertArrayEquals(new int[0], due(200));
        assertEquals(Arrival.IN_ORDER, generator.onPacket(newest + NackGenerator.DEFAULT_MAX_MISSING + 3, 20));
    }

    @Test
    void jumpAcrossTheWrapBeyondMaxMissingAsksForAKeyFrame() {
        generator.onPacket(65000, 0);
        assertEquals(Arrival.GAP_TOO_LARGE, generator.onPacket(1000, 0));
        assertEquals(Arrival.IN_ORDER, generator.onPacket(1001, 0));
    }

    @Test
    void overflowDropsTheOldestHoles() {
        generator = new NackGenerator(5, 10, 1000);
        generator.onPacket(0, 0);
        generator.onPacket(4, 0);
        generator.onPacket(8, 0);
        assertArrayEquals(new int[] {2, 3, 5, 6, 7}, due(0));
        assertEquals(1, generator.droppedCount());
        assertEquals(Arrival.LATE, generator.onPacket(1, 10));
        assertEquals(Arrival.RECOVERED, generator.onPacket(6, 10));
        assertArrayEquals(new int[] {2, 3, 5, 7}, due(100));
    }

    @Test
    void nacksThatDoNotFitStayDue() {
        generator.onPacket(0, 0);
        generator.onPacket(6, 0);
        int[] out = new int[2];
        assertEquals(2, generator.dueNacks(0, out));
        assertArrayEquals(new int[] {1, 2}, out);
        assertEquals(2, generator.dueNacks(0, out));
        assertArrayEquals(new int[] {3, 4}, out);
        assertEquals(1, generator.dueNacks(0, out));
        assertEquals(5, out[0]);
        assertEquals(0, generator.dueNacks(0, out));
    }

    @Test
    void duplicatesAndOldPacketsAreLate() {
        generator.onPacket(10, 0);
        assertEquals(Arrival.LATE, generator.onPacket(10, 0));
        assertEquals(Arrival.LATE, generator.onPacket(9, 0));
        assertEquals(0, generator.missingCount());
    }

    @Test
    void resetStartsAFreshSequence() {
        generator.onPacket(0, 0);
        generator.onPacket(5, 0);
        generator.reset();
        assertEquals(4, generator.droppedCount());
        assertEquals(Arrival.IN_ORDER, generator.onPacket(40_000, 10));
        assertEquals(Arrival.IN_ORDER, generator.onPacket(40_001, 10));
        assertArrayEquals(new int[0], due(10));
    }

    @Test
    void longRunOverSeveralWrapsNacksExactlyTheDroppedPackets() {
        int[] out = new int[generator.maxMissing()];
        long now = 0;
        int nacked = 0;
        for (int i = 0; i < 200_000; i++, now++) {
            int seq = (i + 60_000) & 0xFFFF;
            boolean dropped = i % 997 == 500;
            if (!dropped) {
                generator.onPacket(seq, now);
            }
            int count = generator.dueNacks(now, out);
            for (int k = 0; k < count; k++) {
                assertEquals(((i - 1 + 60_000) & 0xFFFF), out[k], "at packet " + i);
                generator.onPacket(out[k], now); // instant retransmission
                nacked++;
            }
        }
        assertEquals(200_000 / 997 + (200_000 % 997 > 500 ? 1 : 0), nacked);
        assertEquals(nacked, generator.recoveredCount());
        assertEquals(0, generator.missingCount());
    }

    @Test
    void rejectsNonPositiveLimits() {
        assertThrows(IllegalArgumentException.class, () -> new NackGenerator(0, 10, 1000));
        assertThrows(IllegalArgumentException.class, () -> new NackGenerator(10, 0, 1000));
        assertThrows(IllegalArgumentException.class, () -> new NackGenerator(10, 10, 0));
    }
}
