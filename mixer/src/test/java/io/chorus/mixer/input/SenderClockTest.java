package io.chorus.mixer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SenderClockTest {
    /** 2026-11-21 12:00:00.500 as a 64-bit NTP timestamp (seconds since 1900, binary fraction). */
    private static final long NTP = (3_972_801_600L << 32) | 0x8000_0000L;
    private static final long NTP_MICROS = 3_972_801_600L * 1_000_000L + 500_000L;

    @Test
    void mapsRtpTimestampsToSenderTimeFromTheLastReport() {
        SenderClock audio = new SenderClock(48_000);
        assertFalse(audio.isSynchronised());
        assertEquals(Long.MIN_VALUE, audio.captureMicros(1234));
        audio.onSenderReport(NTP, 100_000);
        assertTrue(audio.isSynchronised());
        assertEquals(NTP_MICROS, audio.captureMicros(100_000));
        assertEquals(NTP_MICROS + 20_000, audio.captureMicros(100_960));
        assertEquals(NTP_MICROS - 1_000_000, audio.captureMicros(52_000));
    }

    @Test
    void audioAndVideoOfOneSenderLineUpOnItsClock() {
        SenderClock audio = new SenderClock(48_000);
        SenderClock video = new SenderClock(90_000);
        audio.onSenderReport(NTP, 7_000);
        video.onSenderReport(NTP, 3_000_000_000L);
        // Both media captured 100 ms after the report instant.
        assertEquals(audio.captureMicros(7_000 + 4_800), video.captureMicros(3_000_000_000L + 9_000));
    }

    @Test
    void timestampsAcrossThe32BitWrapMapToTheNearestTime() {
        SenderClock video = new SenderClock(90_000);
        video.onSenderReport(NTP, 0xFFFF_FF00L);
        assertEquals(NTP_MICROS + 1_000_000, video.captureMicros((0xFFFF_FF00L + 90_000) & 0xFFFF_FFFFL));
        assertEquals(NTP_MICROS - 1_000_000, video.captureMicros(0xFFFF_FF00L - 90_000));
    }

    @Test
    void ntpFractionConvertsToMicroseconds() {
        assertEquals(250_000, SenderClock.ntpToMicros(0x4000_0000L));
        assertEquals(1_000_000 + 999_999, SenderClock.ntpToMicros((1L << 32) | 0xFFFF_FFFFL));
        assertThrows(IllegalArgumentException.class, () -> new SenderClock(0));
    }
}
