package io.chorus.mixer.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParticipantAudioControlsTest {

    @Test
    void defaultIsUnityAndUnmuted() {
        assertEquals(1f, ParticipantAudioControls.DEFAULT.linearGain());
        assertFalse(ParticipantAudioControls.DEFAULT.muted());
    }

    @Test
    void decibelsAndLinearGainAgree() {
        assertEquals(0.5012, new ParticipantAudioControls(-6, false).linearGain(), 1e-4);
        assertEquals(3.981, new ParticipantAudioControls(12, false).linearGain(), 1e-3);
        assertEquals(0.001, new ParticipantAudioControls(-60, false).linearGain(), 1e-6);
        assertEquals(-6.0206, ParticipantAudioControls.ofLinearGain(0.5, false).gainDb(), 1e-4);
        assertTrue(ParticipantAudioControls.ofLinearGain(2, true).muted());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-60.01, 12.01, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void gainOutsideRangeIsRejected(double gainDb) {
        assertThrows(IllegalArgumentException.class, () -> new ParticipantAudioControls(gainDb, false));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, 4.5, 0.0009, Double.NaN, Double.POSITIVE_INFINITY})
    void linearGainOutsideRangeIsRejected(double linear) {
        assertThrows(IllegalArgumentException.class, () -> ParticipantAudioControls.ofLinearGain(linear, false));
    }

    @Test
    void withersChangeOneField() {
        ParticipantAudioControls muted = ParticipantAudioControls.DEFAULT.withGainDb(-3).withMuted(true);
        assertEquals(new ParticipantAudioControls(-3, true), muted);
        assertEquals(new ParticipantAudioControls(-3, false), muted.withMuted(false));
    }
}
