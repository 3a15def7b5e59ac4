package io.chorus.core.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NtpTimeTest {
    @Test
    void unixEpochIsNtpSecond2208988800() {
        assertEquals(0x83AA_7E80_0000_0000L, NtpTime.fromUnixNanos(0));
    }

    @Test
    void fractionIsBinary() {
        assertEquals(0x83AA_7E81_8000_0000L, NtpTime.fromUnixNanos(1_500_000_000L));
        assertEquals(0x83AA_7E80_4000_0000L, NtpTime.fromUnixNanos(250_000_000L));
    }

    @Test
    void recentInstantKeepsAllSecondsBits() {
        // 2024-01-01T00:00:00Z = Unix 1704067200 = NTP 3913056000 = 0xE93C_7F00, above 2^31
        assertEquals(0xE93C_7F00_0000_0000L, NtpTime.fromUnixNanos(1_704_067_200L * 1_000_000_000L));
    }

    @Test
    void middle32TakesSixteenBitsOfSecondsAndOfFraction() {
        assertEquals(0x7E80_8000L, NtpTime.middle32(0x83AA_7E80_8000_0000L));
        assertEquals(0xAE80_FFFFL, NtpTime.middle32(0xE93C_AE80_FFFF_FFFFL));
    }

    @Test
    void roundTripOfRfc3550Example() {
        // RFC 3550 section 6.4.1: A = 0xb710:8000, LSR = 0xb705:2000, DLSR = 0x0005:4000 -> 6.125 s
        assertEquals(6125, NtpTime.roundTripMillis(0xB710_8000L, 0xB705_2000L, 0x0005_4000L));
    }

    @ParameterizedTest(name = "A={0} LSR={1} DLSR={2} -> {3} ms")
    @CsvSource({
            "0x00010000, 0, 0, -1",                 // no SR received yet
            "0x00010000, 0x00010000, 0x00000100, 0", // clock rounding made it negative
            "0x00000010, 0xFFFFFFF0, 0x00000000, 0", // 32 units across the 2^32 wrap: 0.49 ms
            "0x00001000, 0xFFFFF000, 0x00000000, 125",
    })
    void roundTripEdgeCases(String arrival, String lsr, String dlsr, long expectedMillis) {
        assertEquals(expectedMillis, NtpTime.roundTripMillis(Long.decode(arrival), Long.decode(lsr), Long.decode(dlsr)));
    }
}
