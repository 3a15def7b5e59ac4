package io.chorus.mixer.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AudioLevelTest {

    @Test
    void fullScaleSquareWaveIsZeroDbov() {
        short[] square = new short[AudioFormat.SAMPLES_PER_FRAME];
        for (int i = 0; i < square.length; i++) {
            square[i] = (i / 24) % 2 == 0 ? Short.MAX_VALUE : -Short.MAX_VALUE;
        }
        assertEquals(0, AudioLevel.fromPcm(square));
    }

    /** 0 dBov is a full-scale square wave (RFC 6464 section 3), so a full-scale sine is 3 dB below it. */
    @ParameterizedTest
    @CsvSource({"0, 3", "-10, 13", "-20, 23", "-40, 43", "-60, 63"})
    void sineReadsThreeDbBelowItsPeakLevel(double peakDbfs, int expectedLevel) {
        assertEquals(expectedLevel, AudioLevel.fromPcm(TestTones.sineFrame(1000, peakDbfs, 0)));
    }

    @Test
    void digitalSilenceIs127() {
        assertEquals(127, AudioLevel.fromPcm(new short[AudioFormat.SAMPLES_PER_FRAME]));
    }

    @Test
    void quietestNonSilentSignalsClampTo127() {
        short[] oneLsb = new short[AudioFormat.SAMPLES_PER_FRAME];
        oneLsb[0] = 1;
        assertEquals(120, AudioLevel.fromPcm(oneLsb), "RMS of sqrt(1/960) LSB is -120 dBov");
        short[] longQuiet = new short[1_000_000];
        longQuiet[0] = 1;
        assertEquals(127, AudioLevel.fromPcm(longQuiet), "-150 dBov is beyond the scale");
    }

    @Test
    void negativeFullScaleDoesNotOverflow() {
        short[] minimum = new short[AudioFormat.SAMPLES_PER_FRAME];
        Arrays.fill(minimum, Short.MIN_VALUE);
        assertEquals(0, AudioLevel.fromPcm(minimum));
    }

    @Test
    void emptyPcmIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> AudioLevel.fromPcm(new short[0]));
    }
}
