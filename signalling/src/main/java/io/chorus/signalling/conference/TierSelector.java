package io.chorus.signalling.conference;

import java.util.List;

/**
 * Chooses one receiver's downstream tier from the bitrate it asked for at join and the bandwidth
 * its browser reports (REMB).
 *
 * <p>Down: a receive-side estimator never reports much more than what it receives (about 1.5
 * times) and climbs only slowly after the sending rate jumps (a key frame, a new layout), while a
 * composite of still pictures may take far less than its tier's bitrate; so an estimate below the
 * tier, or below what is being sent, says nothing by itself. The estimator lowers its estimate
 * only when it sees queuing delay grow, so "congested" is: the estimate was cut below
 * {@link #DROP_RATIO} of its peak, and it is under what the server actually sends this receiver.
 * Once that holds for {@link #DOWNGRADE_AFTER_MS}, the receiver moves to the best tier the
 * estimate affords (with {@link #HEADROOM}), at least one down.
 *
 * <p>Below the lowest tier: an estimate under the lowest tier's bitrate, congested for as long,
 * pauses the receiver's video ({@link VideoTier#AUDIO_ONLY}: the audio mix only). It comes back on
 * the lowest tier when an estimate affords it, or on trial like any move up.
 *
 * <p>Up: for the same reason a receiver on a lower tier never "sees" room for a higher one. It is
 * moved up on trial after a quiet period instead; a trial that ends in a downgrade within
 * {@link #TRIAL_MS} doubles the next wait (up to {@link #MAX_UPGRADE_WAIT_MS}). Estimates in the
 * first {@link #WARM_UP_MS} are ignored. The join cap is never exceeded.
 */
final class TierSelector {
    static final double HEADROOM = 0.85;
    static final double DROP_RATIO = 0.85;
    static final long WARM_UP_MS = 5_000;
    static final long DOWNGRADE_AFTER_MS = 2_000;
    static final long FIRST_UPGRADE_WAIT_MS = 20_000;
    static final long MAX_UPGRADE_WAIT_MS = 160_000;
    static final long TRIAL_MS = 10_000;

    /** The configured tiers, best first, then {@link VideoTier#AUDIO_ONLY}. */
    private final List<VideoTier> steps;
    private final int lowestTier;
    private final int ceiling;
    private int current;
    private long firstEstimateMs = -1;
    private long lowSinceMs = -1;
    private long peakBps;
    private long lastChangeMs;
    private long upgradeWaitMs = FIRST_UPGRADE_WAIT_MS;
    private boolean onTrial;

    /**
     * @param tiers         best first, strictly descending bitrate
     * @param maxBitrateBps the receiver's cap from its join, or null for none
     */
    TierSelector(List<VideoTier> tiers, Integer maxBitrateBps, long nowMs) {
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("at least one video tier is needed");
        }
        List<VideoTier> all = new java.util.ArrayList<>(tiers);
        all.add(VideoTier.AUDIO_ONLY);
        this.steps = List.copyOf(all);
        this.lowestTier = tiers.size() - 1;
        this.ceiling = maxBitrateBps == null ? 0 : bestWithin(maxBitrateBps);
        this.current = ceiling;
        this.lastChangeMs = nowMs;
    }

    /** The receiver's tier, or {@link VideoTier#AUDIO_ONLY} while its video is paused. */
    VideoTier current() {
        return steps.get(current);
    }

    /**
     * Feeds one estimate; returns the new tier when the receiver should move, else null.
     *
     * @param sendingBps what the server sent this receiver (audio and video) lately, or -1 if not known yet
     */
    synchronized VideoTier onEstimate(long estimateBps, long sendingBps, long nowMs) {
        if (firstEstimateMs < 0) {
            firstEstimateMs = nowMs;
        }
        if (nowMs - firstEstimateMs < WARM_UP_MS || estimateBps <= 0 || sendingBps < 0) {
            return null;
        }
        peakBps = Math.max(peakBps, estimateBps);
        boolean congested = estimateBps < peakBps * DROP_RATIO && estimateBps < sendingBps * DROP_RATIO;
        if (current == lowestTier + 1 && estimateBps * HEADROOM >= steps.get(lowestTier).bitrateBps()) {
            return moveTo(lowestTier, nowMs, false);
        }
        if (congested && canGoDown(estimateBps)) {
            if (lowSinceMs < 0) {
                lowSinceMs = nowMs;
            }
            if (nowMs - lowSinceMs >= DOWNGRADE_AFTER_MS) {
                int target = estimateBps < steps.get(lowestTier).bitrateBps() ? lowestTier + 1
                        : Math.min(lowestTier, Math.max(bestWithin((long) (estimateBps * HEADROOM)), current + 1));
                if (onTrial && nowMs - lastChangeMs <= TRIAL_MS) {
                    upgradeWaitMs = Math.min(upgradeWaitMs * 2, MAX_UPGRADE_WAIT_MS);
                }
                return moveTo(target, nowMs, false);
            }
            return null;
        }
        lowSinceMs = -1;
        if (onTrial && nowMs - lastChangeMs > TRIAL_MS) {
            onTrial = false;
            upgradeWaitMs = FIRST_UPGRADE_WAIT_MS;
        }
        if (current > ceiling && nowMs - lastChangeMs >= upgradeWaitMs) {
            return moveTo(current - 1, nowMs, true);
        }
        return null;
    }

    /**
     * Whether the estimate leaves room for less than the current step: a lower tier, or, from the
     * lowest tier, only an estimate under its bitrate pauses the video.
     */
    private boolean canGoDown(long estimateBps) {
        if (current < lowestTier) {
            return estimateBps * HEADROOM < steps.get(current).bitrateBps();
        }
        return current == lowestTier && estimateBps < steps.get(lowestTier).bitrateBps();
    }

    private VideoTier moveTo(int index, long nowMs, boolean trial) {
        current = index;
        lastChangeMs = nowMs;
        lowSinceMs = -1;
        // The estimate now follows the new sending rate; cuts are judged afresh from here.
        peakBps = 0;
        onTrial = trial;
        return steps.get(index);
    }

    /** The best tier whose bitrate fits, else the lowest tier (never the audio-only step). */
    private int bestWithin(long bitrateBps) {
        for (int i = 0; i <= lowestTier; i++) {
            if (steps.get(i).bitrateBps() <= bitrateBps) {
                return i;
            }
        }
        return lowestTier;
    }
}
