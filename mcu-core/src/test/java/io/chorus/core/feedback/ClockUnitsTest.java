package io.chorus.core.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClockUnitsTest {
    @ParameterizedTest(name = "{0} ns at {1} Hz -> {2}")
    @CsvSource({
            "1000000000, 90000, 90000",
            "20000000, 90000, 1800",
            "1500000000, 65536, 98304",
            "11111, 90000, 0",                                // 0.99 ticks rounds down
            "-1, 90000, -1",                                   // toward negative infinity
            "-1000000000, 48000, -48000",
            "9223372036854775807, 90000, 830103483316929",    // Long.MAX_VALUE without overflow
    })
    void convertsNanosToClockUnits(long nanos, long rate, long expected) {
        assertEquals(expected, ClockUnits.fromNanos(nanos, rate));
    }
}
