package io.chorus.mixer.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.mixer.audio.ActiveSpeakerDetector.Change;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActiveSpeakerDetectorTest {
    private final ParticipantLevels levels = new ParticipantLevels(0.001, 0.001, -50);
    private final ActiveSpeakerDetector detector = new ActiveSpeakerDetector();
    private final Map<String, ParticipantAudioControls> present = new LinkedHashMap<>();
    private final Map<String, Integer> levelNow = new LinkedHashMap<>();

    @Test
    void firstActiveParticipantBecomesDominantAtOnce() {
        set("A", 127);
        assertEquals(Optional.empty(), tick());
        set("A", 30);
        assertEquals(Optional.of(new Change(null, "A")), tick());
        assertEquals(Optional.of("A"), detector.dominant());
    }

    @Test
    void dominantChangesOnlyAfterTheHoldTime() {
        set("A", 30);
        tick();
        set("B", 20);
        for (int t = 1; t < 25; t++) {
            assertEquals(Optional.empty(), tick(), "tick " + t + " of the 500 ms hold");
        }
        assertEquals(Optional.of(new Change("A", "B")), tick());
        assertEquals(Optional.of("B"), detector.dominant());
    }

    @Test
    void shortInterjectionDoesNotTakeOver() {
        set("A", 30);
        tick();
        for (int round = 0; round < 5; round++) {
            set("B", 10);
            for (int t = 0; t < 20; t++) {
                assertEquals(Optional.empty(), tick());
            }
            set("B", 127);
            tick();
        }
        assertEquals(Optional.of("A"), detector.dominant());
    }

    @Test
    void louderWithinTheMarginNeverTakesOver() {
        set("A", 30);
        tick();
        set("B", 28);
        for (int t = 0; t < 200; t++) {
            assertEquals(Optional.empty(), tick());
        }
    }

    @Test
    void silentDominantStaysUntilSomeoneElseSpeaksForTheHoldTime() {
        set("A", 30);
        set("B", 127);
        tick();
        set("A", 127);
        for (int t = 0; t < 100; t++) {
            assertEquals(Optional.empty(), tick());
        }
        set("B", 40);
        for (int t = 1; t < 25; t++) {
            assertEquals(Optional.empty(), tick());
        }
        assertEquals(Optional.of(new Change("A", "B")), tick());
    }

    @Test
    void mutedDominantIsReplacedByTheLoudestActive() {
        set("A", 20);
        set("B", 40);
        set("C", 35);
        tick();
        present.put("A", new ParticipantAudioControls(0, true));
        assertEquals(Optional.of(new Change("A", "C")), tick());
    }

    @Test
    void leavingDominantWithNobodyActiveLeavesNoDominant() {
        set("A", 20);
        set("B", 127);
        tick();
        present.remove("A");
        levelNow.remove("A");
        assertEquals(Optional.of(new Change("A", null)), tick());
        assertTrue(detector.dominant().isEmpty());
    }

    @Test
    void invalidTuningIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ActiveSpeakerDetector(Double.NaN, 500));
        assertThrows(IllegalArgumentException.class, () -> new ActiveSpeakerDetector(3, -1));
    }

    private void set(String id, int level) {
        levelNow.put(id, level);
        present.putIfAbsent(id, ParticipantAudioControls.DEFAULT);
    }

    private Optional<Change> tick() {
        levelNow.forEach((id, level) -> levels.observe(id, level, present.get(id)));
        levels.endTick();
        return detector.update(levels);
    }
}
