package io.chorus.mixer.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ParticipantLevelsTest {
    private static final ParticipantAudioControls UNITY = ParticipantAudioControls.DEFAULT;

    private final ParticipantLevels levels = new ParticipantLevels();

    @Test
    void levelRisesFasterThanItFalls() {
        int ticksToRise = 0;
        do {
            tick("A", 20);
            ticksToRise++;
        } while (levels.smoothedDbov("A") < -21);
        int ticksToFall = 0;
        while (levels.smoothedDbov("A") > -126) {
            tick("A", 127);
            ticksToFall++;
        }
        // 100 ms rise: ~5 ticks per e-fold; 300 ms fall: ~15.
        assertTrue(ticksToRise >= 15 && ticksToRise <= 30, "rise took " + ticksToRise + " ticks");
        assertTrue(ticksToFall > 2 * ticksToRise, "fall took " + ticksToFall + " ticks");
    }

    @Test
    void gainShiftsTheLevelAndMuteSilencesIt() {
        ParticipantLevels instant = new ParticipantLevels(0.001, 0.001, -50);
        instant.observe("A", 30, new ParticipantAudioControls(-6, false));
        instant.observe("B", 30, new ParticipantAudioControls(6, true));
        instant.endTick();

        assertEquals(-36, instant.smoothedDbov("A"), 1e-9);
        assertTrue(instant.isActive("A"));
        assertEquals(ParticipantLevels.FLOOR_DBOV, instant.smoothedDbov("B"));
        assertTrue(instant.isMuted("B"));
        assertFalse(instant.isActive("B"));
        assertEquals("A", instant.loudestActive());
    }

    @Test
    void silenceThresholdDecidesActivity() {
        ParticipantLevels instant = new ParticipantLevels(0.001, 0.001, -50);
        instant.observe("quiet", 55, UNITY);
        instant.observe("silent", 127, UNITY);
        instant.observe("boosted", 127, new ParticipantAudioControls(12, false));
        instant.endTick();

        assertFalse(instant.isActive("quiet"));
        assertFalse(instant.isActive("silent"));
        assertEquals(ParticipantLevels.FLOOR_DBOV, instant.smoothedDbov("boosted"), "gain cannot lift digital silence");
        assertNull(instant.loudestActive());
        assertFalse(instant.isActive("unknown"));
    }

    @Test
    void participantsNotObservedInATickAreForgotten() {
        levels.observe("A", 20, UNITY);
        levels.observe("B", 20, UNITY);
        levels.endTick();
        levels.observe("A", 20, UNITY);
        levels.endTick();

        assertEquals(Set.of("A"), levels.participants());
        assertThrows(IllegalArgumentException.class, () -> levels.smoothedDbov("B"));
    }

    @Test
    void invalidObservationsAreRejected() {
        levels.observe("A", 20, UNITY);
        assertThrows(IllegalArgumentException.class, () -> levels.observe("A", 20, UNITY));
        assertThrows(IllegalArgumentException.class, () -> levels.observe("B", 128, UNITY));
        assertThrows(IllegalArgumentException.class, () -> levels.observe("B", -1, UNITY));
        assertThrows(IllegalArgumentException.class, () -> new ParticipantLevels(0, 100, -50));
        assertThrows(IllegalArgumentException.class, () -> new ParticipantLevels(100, Double.NaN, -50));
        assertThrows(IllegalArgumentException.class, () -> new ParticipantLevels(100, 100, 3));
    }

    private void tick(String id, int level) {
        levels.observe(id, level, UNITY);
        levels.endTick();
    }
}
