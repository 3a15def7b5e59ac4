package io.chorus.signalling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @ParameterizedTest(name = "{0} of 1000 bytes")
    @CsvSource({
            "bytes=0-99, 0, 99",
            "bytes=100-, 100, 999",
            "bytes=-100, 900, 999",
            "bytes=-5000, 0, 999",
            "bytes=990-5000, 990, 999",
            "bytes=999-999, 999, 999",
            "' bytes=0-0 ', 0, 0"})
    void oneRangeIsServedAsAsked(String header, long first, long last) {
        ByteRange.Part part = assertInstanceOf(ByteRange.Part.class, ByteRange.of(header, 1000));
        assertEquals(new ByteRange(first, last), part.range());
        assertEquals(last - first + 1, part.range().length());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bytes=1000-", "bytes=5000-6000", "bytes=-0"})
    void rangesBeyondTheEndAreUnsatisfiable(String header) {
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.of(header, 1000));
    }

    /** What the RFC lets a server ignore: the whole file is sent instead. */
    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "bytes=", "bytes=-", "bytes=0-99,200-299", "items=0-9", "bytes=9-5", "bytes=a-b",
            "bytes=0-99999999999999999999", "bytes=99999999999999999999-", "bytes = 0-9", "bytes=0-9\u0000"})
    void malformedOrSeveralRangesMeanTheWholeFile(String header) {
        assertInstanceOf(ByteRange.Whole.class, ByteRange.of(header, 1000));
    }

    @Test
    void noHeaderAndEmptyFiles() {
        assertInstanceOf(ByteRange.Whole.class, ByteRange.of(null, 1000));
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.of("bytes=0-", 0));
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.of("bytes=-10", 0));
    }

    /** Random headers never throw, and any range returned lies inside the file. */
    @Test
    void randomHeadersNeverEscapeTheFile() {
        Random random = new Random(20261205);
        String alphabet = "bytes=-,0123456789 ";
        for (int i = 0; i < 100_000; i++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "bytes=" : "");
            int length = random.nextInt(24);
            for (int j = 0; j < length; j++) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            long size = random.nextInt(3) == 0 ? random.nextInt(3) : Math.abs(random.nextLong() % 10_000_000_000L);
            ByteRange.Request request = ByteRange.of(header.toString(), size);
            if (request instanceof ByteRange.Part part) {
                ByteRange r = part.range();
                assertTrue(r.first() >= 0 && r.first() <= r.last() && r.last() < size, header + " of " + size + ": " + r);
            }
        }
    }
}
