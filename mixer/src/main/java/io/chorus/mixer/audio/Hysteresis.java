package io.chorus.mixer.audio;

/** Validation shared by the two level-based choosers, which take the same kind of tuning. */
final class Hysteresis {
    private Hysteresis() {
    }

    static double validMargin(double marginDb) {
        if (!(marginDb >= 0) || Double.isInfinite(marginDb)) {
            throw new IllegalArgumentException("margin must be finite and not negative, got " + marginDb + " dB");
        }
        return marginDb;
    }

    /** Whole ticks covering the hold time; at least one, so a condition must be seen at all. */
    static int holdTicks(int holdMillis) {
        if (holdMillis < 0) {
            throw new IllegalArgumentException("hold time must not be negative, got " + holdMillis + " ms");
        }
        return Math.max(1, (holdMillis + AudioFormat.FRAME_MILLIS - 1) / AudioFormat.FRAME_MILLIS);
    }
}
