package io.chorus.core.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SenderStatisticsTest {
    private static final long MS = 1_000_000L;
    private static final long NTP = 0x83AA_7E80_8000_0000L;

    private final SenderStatistics video = new SenderStatistics(90_000);

    @Test
    void noSenderReportBeforeTheFirstPacket() {
        assertTrue(video.report(0, NTP).isEmpty());
    }

    @Test
    void countsPacketsAndPayloadOctetsAndExtrapolatesTheRtpClock() {
        long start = 777 * MS;
        video.onPacketSent(1000, 100, start);
        video.onPacketSent(1000, 100, start + 5 * MS); // same frame
        video.onPacketSent(2800, 50, start + 20 * MS);
        SenderReportFields fields = video.report(start + 30 * MS, NTP).orElseThrow();
        assertEquals(new SenderReportFields(NTP, 2800 + 900, 3, 250), fields);
    }

    @Test
    void laterPacketsOfTheSameFrameDoNotMoveTheAnchor() {
        video.onPacketSent(1000, 100, 0);
        video.onPacketSent(1000, 100, 5 * MS);
        assertEquals(1000 + 900, video.report(10 * MS, NTP).orElseThrow().rtpTimestamp());
    }

    @Test
    void olderTimestampDoesNotPullTheClockBack() {
        video.onPacketSent(5000, 10, 0);
        video.onPacketSent(4000, 10, 10 * MS);
        assertEquals(5000 + 1800, video.report(20 * MS, NTP).orElseThrow().rtpTimestamp());
    }

    @Test
    void rtpTimestampWrapsAt32Bits() {
        video.onPacketSent(0xFFFF_FF00L, 10, 0);
        assertEquals(900 - 256, video.report(10 * MS, NTP).orElseThrow().rtpTimestamp());
        video.onPacketSent(0x10L, 10, 10 * MS); // newer across the wrap
        assertEquals(0x10 + 90, video.report(11 * MS, NTP).orElseThrow().rtpTimestamp());
    }

    @Test
    void audioClockRate() {
        SenderStatistics opus = new SenderStatistics(48_000);
        opus.onPacketSent(960, 80, 0);
        assertEquals(960 + 48_000, opus.report(1000 * MS, NTP).orElseThrow().rtpTimestamp());
    }

    @Test
    void octetCountIsReportedModulo2To32() {
        for (int i = 0; i < 3; i++) {
            video.onPacketSent(i, Integer.MAX_VALUE, 0);
        }
        assertEquals(3L * Integer.MAX_VALUE, video.octetsSent());
        assertEquals((3L * Integer.MAX_VALUE) & 0xFFFF_FFFFL, video.report(0, NTP).orElseThrow().octetCount());
        assertEquals(3, video.packetsSent());
    }

    @Test
    void rejectsNonPositiveClockRate() {
        assertThrows(IllegalArgumentException.class, () -> new SenderStatistics(0));
    }
}
