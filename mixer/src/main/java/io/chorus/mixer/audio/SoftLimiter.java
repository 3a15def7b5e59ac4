package io.chorus.mixer.audio;

/**
 * Brings a 32-bit mix back into 16 bits without wrapping and, for ordinary levels, without touching
 * it. One instance per output stream, because its gain carries over from tick to tick.
 *
 * <p>Samples whose magnitude stays below the threshold (-0.5 dBFS) pass unchanged. Above it a gain
 * follows the peaks: it falls quickly (1 ms time constant), is held for 10 ms so that it does not
 * ripple between the peaks of a low voice, then recovers with a 50 ms time constant (about 100 ms
 * from a 18 dB overload back to within 1 dB). The threshold sits this close to full scale so that
 * one speaker alone at nearly full scale loses at most a few tenths of a dB.
 *
 * <p>The gain cannot react within the first samples of a sudden overload, so every sample then
 * goes through a soft clip: above the threshold the magnitude is bent along a tanh curve that meets
 * the straight line with the same slope and approaches, but never passes, 32767. Output magnitude
 * is therefore at most 32767 and its sign always that of the input.
 */
public final class SoftLimiter {
    private static final double FULL_SCALE = Short.MAX_VALUE;
    static final double THRESHOLD = FULL_SCALE * Math.pow(10, -0.5 / 20);
    private static final double CLIP_HEADROOM = FULL_SCALE - THRESHOLD;
    private static final double ATTACK_MILLIS = 1;
    private static final double HOLD_MILLIS = 10;
    private static final double RELEASE_MILLIS = 50;

    private static final double ATTACK = smoothingFactor(ATTACK_MILLIS);
    private static final double RELEASE = smoothingFactor(RELEASE_MILLIS);
    private static final int HOLD_SAMPLES = (int) (HOLD_MILLIS * AudioFormat.SAMPLE_RATE / 1000);
    /** Within 0.0001 dB of unity the release is complete; snapping back restores the exact pass-through. */
    private static final double FULLY_RELEASED = 0.99999;

    private double gain = 1;
    private int holdRemaining;

    /** Limits {@code in} into {@code out}; both must have the same length. */
    public void process(int[] in, short[] out) {
        if (in.length != out.length) {
            throw new IllegalArgumentException(
                    "input has " + in.length + " samples but output has room for " + out.length);
        }
        for (int i = 0; i < in.length; i++) {
            int sample = in[i];
            double magnitude = Math.abs((double) sample);
            // Unity gain implies no pending hold, so this shortcut is exactly what the full path would do.
            if (gain == 1 && magnitude <= THRESHOLD) {
                out[i] = (short) sample;
                continue;
            }
            followPeak(magnitude > THRESHOLD ? THRESHOLD / magnitude : 1);
            double limited = softClip(magnitude * gain);
            long rounded = Math.round(limited);
            out[i] = (short) (sample < 0 ? -rounded : rounded);
        }
    }

    /** Forgets the gain history, as if the stream had just started. */
    public void reset() {
        gain = 1;
        holdRemaining = 0;
    }

    /** Current gain reduction in dB (0 when transparent, positive while limiting). */
    public double gainReductionDb() {
        return gain >= 1 ? 0 : -20 * Math.log10(gain);
    }

    private void followPeak(double requiredGain) {
        if (requiredGain < gain) {
            gain += ATTACK * (requiredGain - gain);
            holdRemaining = HOLD_SAMPLES;
        } else if (holdRemaining > 0) {
            holdRemaining--;
        } else {
            gain += RELEASE * (requiredGain - gain);
            if (gain > FULLY_RELEASED) {
                gain = 1;
            }
        }
    }

    private static double softClip(double magnitude) {
        if (magnitude <= THRESHOLD) {
            return magnitude;
        }
        return THRESHOLD + CLIP_HEADROOM * Math.tanh((magnitude - THRESHOLD) / CLIP_HEADROOM);
    }

    private static double smoothingFactor(double timeConstantMillis) {
        return 1 - Math.exp(-1000.0 / (timeConstantMillis * AudioFormat.SAMPLE_RATE));
    }
}
