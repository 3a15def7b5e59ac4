package io.chorus.mixer.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpeakerSelectorTest {
    /** Smoothing so fast that each tick's level is taken as is, to make the hysteresis visible. */
    private final ParticipantLevels levels = new ParticipantLevels(0.001, 0.001, -50);
    private final Map<String, Integer> levelNow = new LinkedHashMap<>();
    private final Map<String, Boolean> mutedNow = new LinkedHashMap<>();

    @Test
    void mixesTheKLoudestActiveParticipants() {
        SpeakerSelector selector = new SpeakerSelector(2);
        set("A", 30);
        set("B", 20);
        set("C", 25);
        set("D", 70);

        assertEquals(Set.of("B", "C"), tick(selector));
    }

    @Test
    void silentParticipantsAreNotMixedEvenWithFreePlaces() {
        SpeakerSelector selector = new SpeakerSelector();
        set("A", 20);
        set("B", 60);
        set("C", 127);

        assertEquals(Set.of("A"), tick(selector));
    }

    @Test
    void aVoiceAfterSilenceIsMixedFromItsFirstTickWhileAPlaceIsFree() {
        ParticipantLevels smoothed = new ParticipantLevels();
        SpeakerSelector selector = new SpeakerSelector(2);
        ParticipantAudioControls open = new ParticipantAudioControls(0, false);
        for (int t = 0; t < 20; t++) {
            smoothed.observe("A", AudioLevel.SILENCE, open);
            smoothed.endTick();
            assertEquals(Set.of(), selector.select(smoothed));
        }
        smoothed.observe("A", 12, open);
        smoothed.endTick();
        assertEquals(false, smoothed.isActive("A"), "the smoothed level is still below the threshold");
        assertEquals(Set.of("A"), selector.select(smoothed), "mixed in the tick the voice arrived");
        smoothed.observe("A", AudioLevel.SILENCE, open);
        smoothed.endTick();
        assertEquals(Set.of(), selector.select(smoothed), "one loud tick from silence does not hold the place");
    }

    @Test
    void newcomerReplacesTheQuietestOnlyAfterBeingLouderByTheMarginForTheHoldTime() {
        SpeakerSelector selector = new SpeakerSelector(2, 3, 200);
        set("A", 20);
        set("B", 30);
        assertEquals(Set.of("A", "B"), tick(selector));

        set("C", 28);
        for (int t = 0; t < 50; t++) {
            assertEquals(Set.of("A", "B"), tick(selector), "2 dB louder is within the margin");
        }
        set("C", 26);
        for (int t = 1; t < 10; t++) {
            assertEquals(Set.of("A", "B"), tick(selector), "tick " + t + " of the 200 ms hold");
        }
        assertEquals(Set.of("A", "C"), tick(selector));
    }

    @Test
    void interruptedChallengeStartsOver() {
        SpeakerSelector selector = new SpeakerSelector(1, 3, 200);
        set("A", 30);
        tick(selector);
        set("B", 20);
        for (int t = 0; t < 9; t++) {
            tick(selector);
        }
        set("B", 29);
        tick(selector);
        set("B", 20);
        for (int t = 1; t < 10; t++) {
            assertEquals(Set.of("A"), tick(selector), "hold restarted, tick " + t);
        }
        assertEquals(Set.of("B"), tick(selector));
    }

    @Test
    void similarVoicesDoNotFlap() {
        SpeakerSelector selector = new SpeakerSelector(1);
        set("A", 30);
        set("B", 31);
        assertEquals(Set.of("A"), tick(selector));
        for (int t = 0; t < 200; t++) {
            set("A", t % 2 == 0 ? 32 : 29);
            set("B", t % 2 == 0 ? 29 : 32);
            assertEquals(Set.of("A"), tick(selector), "tick " + t);
        }
    }

    @Test
    void quietingOrLeavingFreesThePlaceAtOnce() {
        SpeakerSelector selector = new SpeakerSelector(2);
        set("A", 20);
        set("B", 22);
        set("C", 24);
        assertEquals(Set.of("A", "B"), tick(selector));

        set("A", 127);
        assertEquals(Set.of("B", "C"), tick(selector));
        levelNow.remove("B");
        set("A", 20);
        assertEquals(Set.of("C", "A"), tick(selector));
    }

    @Test
    void mutedParticipantsAreNeverMixed() {
        SpeakerSelector selector = new SpeakerSelector(2);
        set("A", 10);
        set("B", 40);
        mutedNow.put("A", true);
        assertEquals(Set.of("B"), tick(selector));

        set("C", 30);
        mutedNow.put("A", false);
        tick(selector);
        mutedNow.put("B", true);
        assertEquals(Set.of("A", "C"), tick(selector));
    }

    @Test
    void atLeastOneSpeakerMustBeMixable() {
        assertThrows(IllegalArgumentException.class, () -> new SpeakerSelector(0));
        assertThrows(IllegalArgumentException.class, () -> new SpeakerSelector(2, -1, 200));
        assertThrows(IllegalArgumentException.class, () -> new SpeakerSelector(2, 3, -20));
    }

    private void set(String id, int level) {
        levelNow.put(id, level);
        mutedNow.putIfAbsent(id, false);
    }

    private Set<String> tick(SpeakerSelector selector) {
        levelNow.forEach((id, level) -> levels.observe(id, level, new ParticipantAudioControls(0, mutedNow.get(id))));
        levels.endTick();
        return selector.select(levels);
    }
}
