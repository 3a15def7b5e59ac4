package io.chorus.mixer.audio;

/**
 * What the conference operator set for one participant's voice: a gain in dB and a mute switch.
 * Gain is bounded so that a mistaken value can neither silence someone (use mute for that) nor
 * drive the mix into the limiter on its own.
 */
public record ParticipantAudioControls(double gainDb, boolean muted) {
    public static final double MIN_GAIN_DB = -60;
    public static final double MAX_GAIN_DB = 12;
    /** {@link #MAX_GAIN_DB} as an amplitude factor: bounds what the mixer may be asked to apply. */
    public static final float MAX_LINEAR_GAIN = toLinear(MAX_GAIN_DB);
    public static final ParticipantAudioControls DEFAULT = new ParticipantAudioControls(0, false);

    public ParticipantAudioControls {
        if (!(gainDb >= MIN_GAIN_DB && gainDb <= MAX_GAIN_DB)) {
            throw new IllegalArgumentException(
                    "gain must be " + MIN_GAIN_DB + ".." + MAX_GAIN_DB + " dB, got " + gainDb);
        }
    }

    /** Controls from a linear amplitude factor (1.0 = unchanged). */
    public static ParticipantAudioControls ofLinearGain(double linearGain, boolean muted) {
        if (!(linearGain > 0) || Double.isInfinite(linearGain)) {
            throw new IllegalArgumentException("linear gain must be positive and finite, got " + linearGain);
        }
        return new ParticipantAudioControls(20 * Math.log10(linearGain), muted);
    }

    /** The amplitude factor the mixer multiplies samples by. */
    public float linearGain() {
        return toLinear(gainDb);
    }

    private static float toLinear(double db) {
        return (float) Math.pow(10, db / 20);
    }

    public ParticipantAudioControls withGainDb(double newGainDb) {
        return new ParticipantAudioControls(newGainDb, muted);
    }

    public ParticipantAudioControls withMuted(boolean newMuted) {
        return new ParticipantAudioControls(gainDb, newMuted);
    }
}
