package io.chorus.mixer.publish;

import java.time.Duration;

/**
 * One input's published demand, changed so that a publisher is not bounced between sizes. A publisher
 * re-configures its encoder on every change (often with a key frame), so:
 * <ul>
 * <li>a demand that grows in any dimension goes out at once: a tile that just got bigger must look
 * sharp now;</li>
 * <li>the input appearing or disappearing goes out at once: both change what the publisher must send;</li>
 * <li>a smaller demand goes out only once it has been wanted unchanged for the hold time, and only if
 * it saves enough to be worth a re-configuration (its area-equivalent width is more than
 * {@link #MIN_SHRINK} below the published one, or the frame rate drops). A layout that flips back
 * within the hold time, or alternates, leaves the larger demand in place.</li>
 * </ul>
 * Single-threaded (the video tick); the time is passed in, never read.
 */
public final class DemandHysteresis {

    public static final Duration DEFAULT_HOLD = Duration.ofSeconds(2);

    /** Fraction of the area-equivalent width below which a shrink is worth publishing. */
    public static final double MIN_SHRINK = 0.10;

    private final long holdNanos;
    private VideoDemand published;
    private VideoDemand pending;
    private long pendingSinceNanos;

    public DemandHysteresis(Duration hold) {
        if (hold.isNegative()) {
            throw new IllegalArgumentException("hold time must not be negative: " + hold);
        }
        this.holdNanos = hold.toNanos();
    }

    /**
     * The demand to publish now that {@code wanted} is what the layout asks for at {@code nowNanos}, or
     * null when the published one stands. The first call always publishes. Allocates nothing.
     */
    public VideoDemand offer(VideoDemand wanted, long nowNanos) {
        if (published == null || wanted.shown() != published.shown() || grows(wanted)) {
            return publish(wanted);
        }
        if (!worthShrinking(wanted)) {
            pending = null;
            return null;
        }
        if (!wanted.equals(pending)) {
            pending = wanted;
            pendingSinceNanos = nowNanos;
        }
        return nowNanos - pendingSinceNanos >= holdNanos ? publish(wanted) : null;
    }

    private boolean grows(VideoDemand wanted) {
        return wanted.maxWidth() > published.maxWidth() || wanted.maxHeight() > published.maxHeight()
                || wanted.maxFramerate() > published.maxFramerate();
    }

    private boolean worthShrinking(VideoDemand wanted) {
        return wanted.maxFramerate() < published.maxFramerate()
                || wanted.areaEquivalentWidth() < (1 - MIN_SHRINK) * published.areaEquivalentWidth();
    }

    private VideoDemand publish(VideoDemand wanted) {
        published = wanted;
        pending = null;
        return wanted;
    }
}
