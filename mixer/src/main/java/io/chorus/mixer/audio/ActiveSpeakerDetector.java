package io.chorus.mixer.audio;

import java.util.Optional;

/**
 * Follows the dominant speaker, the one layouts enlarge and clients highlight. It changes only when
 * another active participant has been louder than the current one by a margin (default 3 dB) for a
 * hold time (default 500 ms), so a cough or a short interjection does not move the spotlight.
 *
 * <p>With no dominant speaker yet, the loudest active participant becomes dominant at once. The
 * dominant speaker stays dominant while merely silent; if they leave or are muted, the loudest
 * active participant (or nobody) takes over at once.
 *
 * <p>Not thread-safe (tick thread only).
 */
public final class ActiveSpeakerDetector {
    public static final double DEFAULT_MARGIN_DB = 3;
    public static final int DEFAULT_HOLD_MILLIS = 500;

    private final double marginDb;
    private final int holdTicks;
    private final ConsecutiveTicks challengers = new ConsecutiveTicks();
    private String dominant;

    /** A change of dominant speaker; either side is null when there is no dominant speaker. */
    public record Change(String previous, String current) {
    }

    public ActiveSpeakerDetector() {
        this(DEFAULT_MARGIN_DB, DEFAULT_HOLD_MILLIS);
    }

    public ActiveSpeakerDetector(double marginDb, int holdMillis) {
        this.marginDb = Hysteresis.validMargin(marginDb);
        this.holdTicks = Hysteresis.holdTicks(holdMillis);
    }

    /** Call once per tick after {@link ParticipantLevels#endTick}; returns the change, if any. */
    public Optional<Change> update(ParticipantLevels levels) {
        String next = dominant != null && canStayDominant(levels)
                ? challengerWhoseHoldIsOver(levels)
                : levels.loudestActive();
        challengers.endTick();
        if (next == null ? dominant == null : next.equals(dominant)) {
            return Optional.empty();
        }
        Change change = new Change(dominant, next);
        dominant = next;
        challengers.forgetAll();
        return Optional.of(change);
    }

    public Optional<String> dominant() {
        return Optional.ofNullable(dominant);
    }

    private boolean canStayDominant(ParticipantLevels levels) {
        return levels.participants().contains(dominant) && !levels.isMuted(dominant);
    }

    /** The loudest participant who has outshone the dominant speaker for the hold time, else the dominant. */
    private String challengerWhoseHoldIsOver(ParticipantLevels levels) {
        double toBeat = levels.smoothedDbov(dominant) + marginDb;
        String winner = dominant;
        for (String id : levels.participants()) {
            if (id.equals(dominant) || !levels.isActive(id)) {
                continue;
            }
            int ticksLouder = challengers.count(id, levels.smoothedDbov(id) >= toBeat);
            if (ticksLouder >= holdTicks && levels.smoothedDbov(id) > levels.smoothedDbov(winner)) {
                winner = id;
            }
        }
        return winner;
    }
}
