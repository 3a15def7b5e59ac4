package io.chorus.mixer.audio;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Each participant's speech level smoothed over time, the common input of {@link SpeakerSelector}
 * and {@link ActiveSpeakerDetector}. Levels are in dBov after the participant's gain, so someone the
 * operator turned down also counts as quieter; muted participants are never active.
 *
 * <p>Smoothing is exponential in dB, faster when the level rises (default 100 ms) than when it
 * falls (300 ms): a speaker is noticed within a few ticks but does not drop out in the short pauses
 * between words. A participant counts as active while their smoothed level is above the silence
 * threshold (default -50 dBov, above typical room noise and below quiet speech).
 *
 * <p>Per tick: {@link #observe} every participant once, then {@link #endTick}; participants not
 * observed in a tick are forgotten. Not thread-safe (tick thread only).
 */
public final class ParticipantLevels {
    public static final double DEFAULT_RISE_MILLIS = 100;
    public static final double DEFAULT_FALL_MILLIS = 300;
    public static final double DEFAULT_SILENCE_THRESHOLD_DBOV = -50;
    /** The smoothed level of silence and of muted participants. */
    public static final double FLOOR_DBOV = -AudioLevel.SILENCE;

    private final double riseFactor;
    private final double fallFactor;
    private final double silenceThresholdDbov;
    private final Map<String, Level> levels = new LinkedHashMap<>();
    private final Set<String> participantView = Collections.unmodifiableSet(levels.keySet());
    private long tick;

    public ParticipantLevels() {
        this(DEFAULT_RISE_MILLIS, DEFAULT_FALL_MILLIS, DEFAULT_SILENCE_THRESHOLD_DBOV);
    }

    public ParticipantLevels(double riseMillis, double fallMillis, double silenceThresholdDbov) {
        riseFactor = perTickFactor("rise", riseMillis);
        fallFactor = perTickFactor("fall", fallMillis);
        if (!(silenceThresholdDbov >= FLOOR_DBOV && silenceThresholdDbov <= 0)) {
            throw new IllegalArgumentException(
                    "silence threshold must be " + FLOOR_DBOV + "..0 dBov, got " + silenceThresholdDbov);
        }
        this.silenceThresholdDbov = silenceThresholdDbov;
    }

    /**
     * Records a participant's level for this tick.
     *
     * @param level RFC 6464 level, 0..127 (-dBov): from the sender's extension when present, else
     *              {@link AudioLevel#fromPcm} of the decoded frame
     */
    public void observe(String participantId, int level, ParticipantAudioControls controls) {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(controls, "controls");
        if (level < 0 || level > AudioLevel.SILENCE) {
            throw new IllegalArgumentException("audio level must be 0..127 (-dBov), got " + level);
        }
        Level entry = levels.computeIfAbsent(participantId, id -> new Level());
        if (entry.observedTick == tick) {
            throw new IllegalArgumentException(participantId + " observed twice in one tick");
        }
        entry.observedTick = tick;
        entry.muted = controls.muted();
        if (entry.muted) {
            entry.dbov = FLOOR_DBOV;
            entry.instantDbov = FLOOR_DBOV;
            return;
        }
        double instant = level == AudioLevel.SILENCE ? FLOOR_DBOV : Math.max(FLOOR_DBOV, controls.gainDb() - level);
        entry.instantDbov = instant;
        entry.dbov += (instant > entry.dbov ? riseFactor : fallFactor) * (instant - entry.dbov);
    }

    /** Closes the tick: participants not observed since the previous call are forgotten. */
    public void endTick() {
        Iterator<Level> it = levels.values().iterator();
        while (it.hasNext()) {
            if (it.next().observedTick != tick) {
                it.remove();
            }
        }
        tick++;
    }

    /** Participants known in the last completed tick, in order of arrival (read-only live view). */
    public Set<String> participants() {
        return participantView;
    }

    /** Smoothed level in dBov, gain included; {@link #FLOOR_DBOV} for muted participants. */
    public double smoothedDbov(String participantId) {
        return require(participantId).dbov;
    }

    public boolean isMuted(String participantId) {
        return require(participantId).muted;
    }

    /** Not muted and above the silence threshold; false for unknown participants. */
    public boolean isActive(String participantId) {
        Level entry = levels.get(participantId);
        return entry != null && !entry.muted && entry.dbov > silenceThresholdDbov;
    }

    /**
     * Active, or above the silence threshold in this very tick. What decides whether a voice is
     * mixed: the smoothed level takes about five ticks to rise above the threshold from silence, and
     * waiting for it would cut the first ~100 ms of every phrase (and put the voice that much behind
     * the picture of the same moment).
     */
    public boolean isAudible(String participantId) {
        Level entry = levels.get(participantId);
        return entry != null && !entry.muted
                && (entry.dbov > silenceThresholdDbov || entry.instantDbov > silenceThresholdDbov);
    }

    /** The active participant with the highest smoothed level (earliest arrival on ties), or null. */
    public String loudestActive() {
        String loudest = null;
        for (String id : levels.keySet()) {
            if (isActive(id) && (loudest == null || smoothedDbov(id) > smoothedDbov(loudest))) {
                loudest = id;
            }
        }
        return loudest;
    }

    private Level require(String participantId) {
        Level entry = levels.get(participantId);
        if (entry == null) {
            throw new IllegalArgumentException("no level observed for " + participantId);
        }
        return entry;
    }

    private static double perTickFactor(String name, double timeConstantMillis) {
        if (!(timeConstantMillis > 0) || Double.isInfinite(timeConstantMillis)) {
            throw new IllegalArgumentException(
                    name + " time constant must be positive and finite, got " + timeConstantMillis + " ms");
        }
        return 1 - Math.exp(-AudioFormat.FRAME_MILLIS / timeConstantMillis);
    }

    private static final class Level {
        double dbov = FLOOR_DBOV;
        double instantDbov = FLOOR_DBOV;
        boolean muted;
        long observedTick = -1;
    }
}
