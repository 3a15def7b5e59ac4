package io.chorus.mixer.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @ParameterizedTest
    @CsvSource({"0x00, 0, false", "0x7F, 127, false", "0x80, 0, true", "0xA1, 33, true", "0xFF, 127, true", "0x21, 33, false"})
    void extensionByteCarriesFlagAndLevel(String hex, int level, boolean voice) {
        byte value = (byte) Integer.parseInt(hex.substring(2), 16);
        assertEquals(level, AudioLevel.levelFromExtension(value));
        assertEquals(voice, AudioLevel.voiceActivity(value));
    }

    @Test
    void everyExtensionByteRoundTrips() {
        for (int i = 0; i < 256; i++) {
            byte value = (byte) i;
            assertEquals(value, AudioLevel.toExtension(AudioLevel.levelFromExtension(value), AudioLevel.voiceActivity(value)));
        }
        assertTrue(AudioLevel.voiceActivity(AudioLevel.toExtension(5, true)));
        assertFalse(AudioLevel.voiceActivity(AudioLevel.toExtension(5, false)));
    }

    @Test
    void levelsOutsideTheScaleAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> AudioLevel.toExtension(128, false));
        assertThrows(IllegalArgumentException.class, () -> AudioLevel.toExtension(-1, true));
    }
}
