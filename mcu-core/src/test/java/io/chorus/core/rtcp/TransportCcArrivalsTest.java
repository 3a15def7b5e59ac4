package io.chorus.core.rtcp;

import io.chorus.core.MalformedPacketException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.chorus.core.rtcp.TransportCcFeedback.NOT_RECEIVED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link TransportCcFeedback#fromArrivals} and {@link TransportCcFeedback#arrivalTimesMicros}. */
class TransportCcArrivalsTest {

    /** The span after which the 24-bit reference time of 64 ms units wraps. */
    private static final long REFERENCE_WRAP_MICROS = (1L << 24) * 64_000;

    private static TransportCcFeedback reparsed(TransportCcFeedback feedback) throws MalformedPacketException {
        byte[] wire = RtcpCompound.write(List.of(feedback), 0);
        return (TransportCcFeedback) RtcpParser.parse(wire, 0, wire.length).get(0);
    }

    @Test
    void lossWrapAndLargeDeltasAcrossTheSequenceWrap() throws MalformedPacketException {
        long[] arrivals = {1_000_123, NOT_RECEIVED, 1_000_400, 1_070_000, 1_069_000};
        TransportCcFeedback feedback = TransportCcFeedback.fromArrivals(7, 8, 65534, 3, arrivals);

        // Reference: 1_000_123 us rounds down to 15 x 64 ms = 960 ms; the first delta is 160 units.
        assertEquals(15, feedback.referenceTime());
        assertEquals(List.of(new TransportCcFeedback.Packet(65534, true, 40_000),
                new TransportCcFeedback.Packet(65535, false, 0),
                new TransportCcFeedback.Packet(0, true, 250),
                new TransportCcFeedback.Packet(1, true, 69_750),
                new TransportCcFeedback.Packet(2, true, -1_000)), feedback.packets());
        long[] expected = {1_000_000, NOT_RECEIVED, 1_000_250, 1_070_000, 1_069_000};
        assertArrayEquals(expected, feedback.arrivalTimesMicros());
        assertArrayEquals(expected, reparsed(feedback).arrivalTimesMicros());
    }

    @Test
    void roundingDoesNotAccumulateAlongThePacket() throws MalformedPacketException {
        long[] arrivals = new long[200];
        for (int i = 0; i < arrivals.length; i++) {
            arrivals[i] = 5_000_100 + i * 333L;
        }
        long[] times = reparsed(TransportCcFeedback.fromArrivals(1, 2, 100, 0, arrivals)).arrivalTimesMicros();
        for (int i = 0; i < arrivals.length; i++) {
            assertEquals(Math.floorDiv(arrivals[i], 250) * 250, times[i], "packet " + i);
        }
    }

    @Test
    void clockBeyondTheReferenceTimeRangeKeepsTimesModuloItsWrap() throws MalformedPacketException {
        // Negative (System.nanoTime based) and very large clocks both land in the 24-bit reference time.
        for (long start : new long[]{-5_000_000_123L, 3 * REFERENCE_WRAP_MICROS + 777_777}) {
            long[] arrivals = {start, start + 1_000, NOT_RECEIVED, start + 9_000};
            long[] times = reparsed(TransportCcFeedback.fromArrivals(1, 2, 0, 0, arrivals)).arrivalTimesMicros();
            for (int i = 0; i < arrivals.length; i++) {
                if (arrivals[i] == NOT_RECEIVED) {
                    assertEquals(NOT_RECEIVED, times[i]);
                } else {
                    long floored = Math.floorDiv(arrivals[i], 250) * 250;
                    assertEquals(0, Math.floorMod(times[i] - floored, REFERENCE_WRAP_MICROS), "start " + start);
                }
            }
        }
    }

    @Test
    void nothingReceived() throws MalformedPacketException {
        TransportCcFeedback feedback = TransportCcFeedback.fromArrivals(1, 2, 65535, 4,
                new long[]{NOT_RECEIVED, NOT_RECEIVED});
        assertEquals(0, feedback.referenceTime());
        assertEquals(List.of(new TransportCcFeedback.Packet(65535, false, 0),
                new TransportCcFeedback.Packet(0, false, 0)), reparsed(feedback).packets());
    }

    @ParameterizedTest(name = "gap {0} us fits: {1}")
    @CsvSource({
            "8191999, true",     // 32767 units: the largest positive 16-bit delta
            "8192000, false",    // 32768 units
            "-8192000, true",    // -32768 units
            "-8192250, false",
    })
    void gapBetweenArrivalsMustFitSixteenBits(long gapMicros, boolean fits) throws MalformedPacketException {
        long first = 64_000_000;
        long[] arrivals = {first, first + gapMicros};
        if (fits) {
            long[] times = reparsed(TransportCcFeedback.fromArrivals(1, 2, 0, 0, arrivals)).arrivalTimesMicros();
            assertEquals(Math.floorDiv(first + gapMicros, 250) * 250, times[1]);
        } else {
            assertThrows(IllegalArgumentException.class, () -> TransportCcFeedback.fromArrivals(1, 2, 0, 0, arrivals));
        }
    }
}
