package io.chorus.mixer.audio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses, once per tick, the at most K participants whose voices are mixed (the rest are heard by
 * everyone but contribute nothing: mixing every open microphone would only add their noise).
 *
 * <p>A mixed speaker stays mixed while audible (see {@link ParticipantLevels#isAudible}); a free
 * place goes at once, in the tick their voice arrives, to the loudest audible participant not yet mixed. When all places are taken, a
 * newcomer replaces the quietest mixed speaker only after being louder than them by a margin
 * (default 3 dB) for a hold time (default 200 ms): two similar voices then do not swap places tick
 * after tick. At most one replacement happens per tick.
 *
 * <p>Not thread-safe (tick thread only).
 */
public final class SpeakerSelector {
    public static final int DEFAULT_MAX_SPEAKERS = 3;
    public static final double DEFAULT_MARGIN_DB = 3;
    public static final int DEFAULT_HOLD_MILLIS = 200;

    private final int maxSpeakers;
    private final double marginDb;
    private final int holdTicks;
    private final Set<String> mixed = new LinkedHashSet<>();
    private final Set<String> mixedView = Collections.unmodifiableSet(mixed);
    private final List<String> candidates = new ArrayList<>();
    private final ConsecutiveTicks challengers = new ConsecutiveTicks();

    public SpeakerSelector() {
        this(DEFAULT_MAX_SPEAKERS);
    }

    public SpeakerSelector(int maxSpeakers) {
        this(maxSpeakers, DEFAULT_MARGIN_DB, DEFAULT_HOLD_MILLIS);
    }

    public SpeakerSelector(int maxSpeakers, double marginDb, int holdMillis) {
        if (maxSpeakers < 1) {
            throw new IllegalArgumentException("at least one speaker must be mixable, got " + maxSpeakers);
        }
        this.maxSpeakers = maxSpeakers;
        this.marginDb = Hysteresis.validMargin(marginDb);
        this.holdTicks = Hysteresis.holdTicks(holdMillis);
    }

    /** The mixed speakers for this tick (a read-only view, updated by the next call). */
    public Set<String> select(ParticipantLevels levels) {
        dropInactiveSpeakers(levels);
        collectCandidates(levels);
        while (mixed.size() < maxSpeakers && !candidates.isEmpty()) {
            String loudest = loudest(candidates, levels);
            candidates.remove(loudest);
            mixed.add(loudest);
        }
        if (!candidates.isEmpty()) {
            replaceQuietestIfOutshone(levels);
        }
        challengers.endTick();
        return mixedView;
    }

    /** The mixed speakers chosen by the last {@link #select} (read-only view). */
    public Set<String> mixedSpeakers() {
        return mixedView;
    }

    private void dropInactiveSpeakers(ParticipantLevels levels) {
        Iterator<String> it = mixed.iterator();
        while (it.hasNext()) {
            if (!levels.isAudible(it.next())) {
                it.remove();
            }
        }
    }

    private void collectCandidates(ParticipantLevels levels) {
        candidates.clear();
        for (String id : levels.participants()) {
            if (levels.isAudible(id) && !mixed.contains(id)) {
                candidates.add(id);
            }
        }
    }

    private void replaceQuietestIfOutshone(ParticipantLevels levels) {
        String quietest = null;
        for (String id : mixed) {
            if (quietest == null || levels.smoothedDbov(id) < levels.smoothedDbov(quietest)) {
                quietest = id;
            }
        }
        double toBeat = levels.smoothedDbov(quietest) + marginDb;
        String winner = null;
        for (String candidate : candidates) {
            int ticksLouder = challengers.count(candidate, levels.smoothedDbov(candidate) >= toBeat);
            if (ticksLouder >= holdTicks
                    && (winner == null || levels.smoothedDbov(candidate) > levels.smoothedDbov(winner))) {
                winner = candidate;
            }
        }
        if (winner != null) {
            mixed.remove(quietest);
            mixed.add(winner);
            challengers.forgetAll();
        }
    }

    private static String loudest(List<String> ids, ParticipantLevels levels) {
        String loudest = ids.get(0);
        for (int i = 1; i < ids.size(); i++) {
            if (levels.smoothedDbov(ids.get(i)) > levels.smoothedDbov(loudest)) {
                loudest = ids.get(i);
            }
        }
        return loudest;
    }
}
