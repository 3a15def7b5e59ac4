package io.chorus.mixer.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoftLimiterTest {
    private static final int N = AudioFormat.SAMPLES_PER_FRAME;

    private final SoftLimiter limiter = new SoftLimiter();
    private final int[] in = new int[N];
    private final short[] out = new short[N];

    @Test
    void eightFullScaleSinesInPhaseNeverWrap() {
        int maxMagnitude = 0;
        for (int tick = 0; tick < 500; tick++) {
            short[] voice = TestTones.sineFrame(440, 0, tick);
            for (int i = 0; i < N; i++) {
                in[i] = 8 * voice[i];
            }
            limiter.process(in, out);
            maxMagnitude = Math.max(maxMagnitude, assertSignPreservedAndInRange());
        }
        assertTrue(maxMagnitude > 30_000, "output should still be loud, peak " + maxMagnitude);
    }

    @Test
    void suddenOverloadOfEightFullScaleSquaresIsSoftClipped() {
        for (int tick = 0; tick < 50; tick++) {
            for (int i = 0; i < N; i++) {
                // Silence, then from the second tick a square wave at 8 x full scale, the worst case for the attack.
                in[i] = tick == 0 ? 0 : ((i / 40) % 2 == 0 ? 8 : -8) * Short.MAX_VALUE;
            }
            limiter.process(in, out);
            assertSignPreservedAndInRange();
        }
        assertTrue(limiter.gainReductionDb() > 17, "gain settles near -18 dB, was -" + limiter.gainReductionDb());
    }

    @Test
    void extremeSumsStayInRange() {
        int[] extremes = {Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1, 40_000, -40_000, 32_768, -32_768, 1, -1, 0};
        for (int i = 0; i < N; i++) {
            in[i] = extremes[i % extremes.length];
        }
        limiter.process(in, out);
        assertSignPreservedAndInRange();
    }

    @Test
    void sineAtMinusThreeDbfsPassesBitExact() {
        for (int tick = 0; tick < 50; tick++) {
            short[] voice = TestTones.sineFrame(300, -3, tick);
            copy(voice, in);
            limiter.process(in, out);
            assertArrayEquals(voice, out, "tick " + tick);
        }
        assertEquals(0, limiter.gainReductionDb());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3, -0.3})
    void singleLoudVoicePassesWithinHalfADb(double dbfs) {
        double inSquares = 0;
        double outSquares = 0;
        for (int tick = 0; tick < 100; tick++) {
            short[] voice = TestTones.sineFrame(300, dbfs, tick);
            copy(voice, in);
            limiter.process(in, out);
            if (tick >= 10) {
                inSquares += square(voice);
                outSquares += square(out);
            }
        }
        double changeDb = 10 * Math.log10(outSquares / inSquares);
        assertTrue(Math.abs(changeDb) <= 0.5, "level changed by " + changeDb + " dB");
    }

    @Test
    void gainRecoversWithinAFewHundredMillisecondsButNotAtOnce() {
        for (int tick = 0; tick < 10; tick++) {
            short[] voice = TestTones.sineFrame(300, 0, tick);
            for (int i = 0; i < N; i++) {
                in[i] = 8 * voice[i];
            }
            limiter.process(in, out);
        }
        double[] reductionAfterTick = new double[15];
        for (int tick = 0; tick < reductionAfterTick.length; tick++) {
            copy(TestTones.sineFrame(300, -12, tick), in);
            limiter.process(in, out);
            reductionAfterTick[tick] = limiter.gainReductionDb();
        }
        assertTrue(reductionAfterTick[1] > 3, "40 ms after the overload: " + reductionAfterTick[1] + " dB");
        assertTrue(reductionAfterTick[4] < 3, "100 ms after: " + reductionAfterTick[4] + " dB");
        assertTrue(reductionAfterTick[14] < 0.1, "300 ms after: " + reductionAfterTick[14] + " dB");

        for (int tick = 15; tick < 50; tick++) {
            short[] voice = TestTones.sineFrame(300, -12, tick);
            copy(voice, in);
            limiter.process(in, out);
            if (tick == 49) {
                assertArrayEquals(voice, out, "fully released: exact pass-through again");
            }
        }
    }

    @Test
    void resetForgetsTheGain() {
        java.util.Arrays.fill(in, 200_000);
        limiter.process(in, out);
        assertTrue(limiter.gainReductionDb() > 10);
        limiter.reset();
        assertEquals(0, limiter.gainReductionDb());
    }

    @Test
    void processingDoesNotAllocate() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        copy(TestTones.sineFrame(300, 0, 0), in);
        for (int i = 0; i < N; i++) {
            in[i] *= 5;
        }
        limiter.process(in, out);
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int call = 0; call < 2_000; call++) {
            limiter.process(in, out);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 1_000, "2000 calls allocated " + allocated + " bytes");
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> limiter.process(new int[N], new short[N - 1]));
    }

    /** Returns the largest output magnitude. */
    private int assertSignPreservedAndInRange() {
        int max = 0;
        for (int i = 0; i < N; i++) {
            int magnitude = Math.abs(out[i]);
            assertTrue(magnitude <= Short.MAX_VALUE, "sample " + i + " is " + out[i]);
            assertTrue(out[i] == 0 || Integer.signum(out[i]) == Integer.signum(in[i]),
                    "sample " + i + ": input " + in[i] + " became " + out[i]);
            max = Math.max(max, magnitude);
        }
        return max;
    }

    private static void copy(short[] from, int[] to) {
        for (int i = 0; i < from.length; i++) {
            to[i] = from[i];
        }
    }

    private static double square(short[] pcm) {
        double sum = 0;
        for (short s : pcm) {
            sum += (double) s * s;
        }
        return sum;
    }
}
