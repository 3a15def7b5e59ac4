package io.chorus.mixer.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.mixer.audio.MixMinusMixer.Contribution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MixMinusMixerTest {
    private static final int N = AudioFormat.SAMPLES_PER_FRAME;
    private static final double FLOOR_HZ = 1100;

    private final MixMinusMixer mixer = new MixMinusMixer();

    /** A conference of four tone "voices"; the three loudest are selected and mixed each tick. */
    private static final class Conference {
        final Map<String, double[]> tones = new LinkedHashMap<>();
        final Map<String, ParticipantAudioControls> controls = new HashMap<>();
        final ParticipantLevels levels = new ParticipantLevels();
        final SpeakerSelector selector = new SpeakerSelector(3);
        final MixMinusMixer mixer = new MixMinusMixer();
        final Random noise = new Random(7);
        long tick;

        Conference() {
            voice("A", 300, -12);
            voice("B", 500, -14);
            voice("C", 700, -16);
            voice("D", 900, -30);
        }

        void voice(String id, double hz, double dbfs) {
            tones.put(id, new double[] {hz, dbfs});
            controls.put(id, ParticipantAudioControls.DEFAULT);
        }

        void run(int ticks) {
            for (int i = 0; i < ticks; i++, tick++) {
                Map<String, short[]> pcm = new HashMap<>();
                for (Map.Entry<String, double[]> tone : tones.entrySet()) {
                    String id = tone.getKey();
                    short[] frame = TestTones.sineFrame(tone.getValue()[0], tone.getValue()[1], tick);
                    TestTones.addNoise(frame, noise, 30);
                    pcm.put(id, frame);
                    levels.observe(id, AudioLevel.fromPcm(frame), controls.get(id));
                }
                levels.endTick();
                List<Contribution> contributions = new ArrayList<>();
                for (String id : selector.select(levels)) {
                    contributions.add(new Contribution(id, pcm.get(id), controls.get(id).linearGain()));
                }
                mixer.mix(contributions);
            }
        }

        double hz(String id) {
            return tones.get(id)[0];
        }

        double dbfs(String id) {
            return tones.get(id)[1];
        }
    }

    @Test
    void threeLoudestAreMixedAndNobodyHearsThemselves() {
        Conference conference = new Conference();
        conference.run(50);
        MixMinusMixer mix = conference.mixer;

        assertEquals(Set.of("A", "B", "C"), conference.selector.mixedSpeakers());
        assertEquals(Set.of("A", "B", "C"), mix.mixedSpeakers());
        for (String speaker : List.of("A", "B", "C")) {
            short[] heard = mix.mixMinus(speaker);
            double floor = Goertzel.dbfs(heard, FLOOR_HZ);
            double ownTone = Goertzel.dbfs(heard, conference.hz(speaker));
            for (String other : List.of("A", "B", "C")) {
                if (!other.equals(speaker)) {
                    double otherTone = Goertzel.dbfs(heard, conference.hz(other));
                    assertEquals(conference.dbfs(other), otherTone, 0.2, speaker + " hears " + other);
                    assertTrue(otherTone - floor >= 20, speaker + " hears " + other + " above the floor " + floor);
                    assertTrue(otherTone - ownTone >= 20, speaker + " must not hear themselves: " + ownTone);
                }
            }
            assertTrue(Goertzel.dbfs(heard, conference.hz("D")) < conference.dbfs("C") - 40, "D is not mixed");
        }
        short[] full = mix.fullMix();
        for (String speaker : List.of("A", "B", "C")) {
            assertEquals(conference.dbfs(speaker), Goertzel.dbfs(full, conference.hz(speaker)), 0.2, speaker + " in the full mix");
        }
        assertTrue(Goertzel.dbfs(full, conference.hz("D")) < conference.dbfs("C") - 40, "D is not in the full mix");
        assertSame(full, mix.outputFor("D"));
        assertSame(mix.mixMinus("A"), mix.outputFor("A"));
    }

    @Test
    void gainIsAppliedToTheSpeakersContribution() {
        Conference conference = new Conference();
        conference.controls.put("B", new ParticipantAudioControls(-6, false));
        conference.run(50);

        assertEquals(Set.of("A", "B", "C"), conference.mixer.mixedSpeakers());
        assertEquals(-20.02, Goertzel.dbfs(conference.mixer.fullMix(), conference.hz("B")), 0.2);
        assertEquals(-20.02, Goertzel.dbfs(conference.mixer.mixMinus("A"), conference.hz("B")), 0.2);
        assertTrue(Goertzel.dbfs(conference.mixer.mixMinus("B"), conference.hz("B")) < -60, "B still cancelled exactly");
    }

    @Test
    void mutedParticipantIsNeverMixedEvenWhenLoudest() {
        Conference conference = new Conference();
        conference.voice("E", 1500, -3);
        conference.controls.put("E", new ParticipantAudioControls(0, true));
        conference.run(50);

        assertEquals(Set.of("A", "B", "C"), conference.mixer.mixedSpeakers());
        for (short[] output : List.of(conference.mixer.fullMix(), conference.mixer.mixMinus("A"), conference.mixer.mixMinus("B"))) {
            assertTrue(Goertzel.dbfs(output, 1500) < -60, "muted E is absent");
        }
    }

    @Test
    void muteTakesASpeakerOutOfTheMixAndLetsTheNextIn() {
        Conference conference = new Conference();
        conference.run(50);
        conference.controls.put("C", new ParticipantAudioControls(0, true));
        conference.run(1);

        assertEquals(Set.of("A", "B", "D"), conference.mixer.mixedSpeakers());
        assertTrue(Goertzel.dbfs(conference.mixer.fullMix(), conference.hz("C")) < -60, "C muted");
        assertEquals(conference.dbfs("D"), Goertzel.dbfs(conference.mixer.fullMix(), conference.hz("D")), 0.3);
    }

    @Test
    void loneSpeakerHearsSilenceAndListenersHearThem() {
        short[] voice = TestTones.sineFrame(400, -6, 0);
        mixer.mix(List.of(new Contribution("A", voice, 1f)));

        assertArrayEquals(voice, mixer.fullMix());
        assertArrayEquals(new short[N], mixer.mixMinus("A"));
    }

    @Test
    void emptyTickIsSilence() {
        mixer.mix(List.of(new Contribution("A", TestTones.sineFrame(400, -6, 0), 1f)));
        mixer.mix(List.of());

        assertArrayEquals(new short[N], mixer.fullMix());
        assertEquals(Set.of(), mixer.mixedSpeakers());
        assertThrows(IllegalArgumentException.class, () -> mixer.mixMinus("A"));
    }

    @Test
    void eightFullScaleSpeakersInPhaseNeverWrap() {
        List<String> ids = List.of("1", "2", "3", "4", "5", "6", "7", "8");
        for (int tick = 0; tick < 200; tick++) {
            short[] voice = TestTones.sineFrame(250, 0, tick);
            List<Contribution> contributions = new ArrayList<>();
            for (String id : ids) {
                contributions.add(new Contribution(id, voice, 1f));
            }
            mixer.mix(contributions);
            assertFollowsSignWithinRange(voice, mixer.fullMix());
            for (String id : ids) {
                assertFollowsSignWithinRange(voice, mixer.mixMinus(id));
            }
        }
    }

    @Test
    void speakersLimiterPersistsWhileMixedAndStartsFreshAfterLeaving() {
        List<String> ids = List.of("A", "B", "C", "D");
        short[] loud = TestTones.sineFrame(500, 0, 0);
        mixer.mix(contributions(ids, loud));

        short[] quiet = TestTones.sineFrame(500, -20, 0);
        mixer.mix(contributions(List.of("B", "C", "D"), quiet));
        mixer.mix(contributions(ids, quiet));

        double threeQuietVoices = -20 + 20 * Math.log10(3);
        double returned = Goertzel.dbfs(mixer.mixMinus("A"), 500);
        double stayed = Goertzel.dbfs(mixer.mixMinus("B"), 500);
        assertEquals(threeQuietVoices, returned, 0.05, "A left the mix, so its limiter was reset");
        assertTrue(stayed < threeQuietVoices - 1, "B's limiter still recovers from the overload: " + stayed);
    }

    @Test
    void invalidContributionsAreRejectedWithoutChangingTheLastTick() {
        short[] voice = TestTones.sineFrame(400, -6, 0);
        mixer.mix(List.of(new Contribution("A", voice, 1f)));

        assertThrows(IllegalArgumentException.class,
                () -> mixer.mix(List.of(new Contribution("B", voice, 1f), new Contribution("B", voice, 1f))));
        assertEquals(Set.of("A"), mixer.mixedSpeakers());
        assertArrayEquals(voice, mixer.fullMix());
        assertThrows(IllegalArgumentException.class, () -> new Contribution("A", new short[N - 1], 1f));
        assertThrows(IllegalArgumentException.class, () -> new Contribution("A", voice, -0.5f));
        assertThrows(IllegalArgumentException.class, () -> new Contribution("A", voice, Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Contribution("A", voice, 4.5f));
        assertDoesNotThrow(() -> new Contribution("A", voice, new ParticipantAudioControls(12, false).linearGain()));
    }

    private static List<Contribution> contributions(List<String> ids, short[] pcm) {
        List<Contribution> list = new ArrayList<>();
        for (String id : ids) {
            list.add(new Contribution(id, pcm, 1f));
        }
        return list;
    }

    private static void assertFollowsSignWithinRange(short[] input, short[] output) {
        for (int i = 0; i < N; i++) {
            assertTrue(Math.abs(output[i]) <= Short.MAX_VALUE, "sample " + i + " is " + output[i]);
            assertTrue(output[i] == 0 || Integer.signum(output[i]) == Integer.signum(input[i]),
                    "sample " + i + ": input sign " + input[i] + ", output " + output[i]);
        }
    }
}
