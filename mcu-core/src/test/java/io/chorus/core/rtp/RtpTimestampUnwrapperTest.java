package io.chorus.core.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RtpTimestampUnwrapperTest {
    private static final long WRAP = 1L << 32;

    @ParameterizedTest
    @CsvSource({
        "4294966336, 4294967295, 4294967295",
        "4294967295, 0, 4294967296",
        "4294967295, 959, 4294968255",
        "0, 4294967295, -1",
        "100, 2147483747, 2147483747",
        "100, 2147483749, -2147483547"
    })
    void timestampsUnwrapAcrossTwoToThe32(long first, long second, long expectedSecond) {
        RtpTimestampUnwrapper unwrapper = new RtpTimestampUnwrapper();
        assertEquals(first, unwrapper.unwrap(first));
        assertEquals(expectedSecond, unwrapper.unwrap(second));
    }

    @Test
    void reorderedPacketBeforeAWrapStaysBelowIt() {
        RtpTimestampUnwrapper unwrapper = new RtpTimestampUnwrapper();
        unwrapper.unwrap(WRAP - 960);
        assertEquals(WRAP + 960, unwrapper.unwrap(960));
        assertEquals(WRAP, unwrapper.unwrap(0));
        assertEquals(WRAP - 960, unwrapper.unwrap(WRAP - 960));
    }

    @Test
    void extendedTimestampsPassThroughUnchanged() {
        RtpTimestampUnwrapper unwrapper = new RtpTimestampUnwrapper();
        for (long ts = WRAP * 3 - 3000; ts < WRAP * 3 + 3000; ts += 960) {
            assertEquals(ts, unwrapper.unwrap(ts));
        }
    }
}
