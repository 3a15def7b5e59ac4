package io.chorus.signalling.conference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SendRateTest {
    @Test
    void measuresWholeWindowsOfAtLeastOneSecond() {
        SendRate rate = new SendRate();
        assertEquals(-1, rate.update(0, 0), "no window yet");
        assertEquals(-1, rate.update(30_000, 500_000_000L), "half a window");
        assertEquals(500_000, rate.update(62_500, 1_000_000_000L), "62,500 bytes in 1 s");
        assertEquals(500_000, rate.update(70_000, 1_400_000_000L), "keeps the last complete window");
        assertEquals(187_500, rate.update(100_000, 2_600_000_000L), "37,500 bytes in the 1.6 s since the last window");
    }
}
