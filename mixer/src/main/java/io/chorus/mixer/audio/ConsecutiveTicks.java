package io.chorus.mixer.audio;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * For how many consecutive ticks a condition has held per participant: the "for some time" half of
 * the hysteresis in {@link SpeakerSelector} and {@link ActiveSpeakerDetector}. A streak ends when
 * the condition fails or when the participant is not counted in a tick.
 */
final class ConsecutiveTicks {
    private final Map<String, Streak> streaks = new HashMap<>();
    private long tick;

    /** Counts this tick for the participant; returns the streak length, 0 when the condition failed. */
    int count(String participantId, boolean conditionHolds) {
        if (!conditionHolds) {
            streaks.remove(participantId);
            return 0;
        }
        Streak streak = streaks.computeIfAbsent(participantId, id -> new Streak());
        streak.lastTick = tick;
        return ++streak.length;
    }

    void forgetAll() {
        streaks.clear();
    }

    /** Ends streaks that were not counted in this tick. */
    void endTick() {
        Iterator<Streak> it = streaks.values().iterator();
        while (it.hasNext()) {
            if (it.next().lastTick != tick) {
                it.remove();
            }
        }
        tick++;
    }

    private static final class Streak {
        int length;
        long lastTick;
    }
}
