package io.chorus.mixer.audio;

/**
 * Measures single frequencies in PCM (Goertzel's algorithm, a one-bin DFT). With a rectangular
 * window the reading is exact for tones whose frequency is a whole multiple of sampleRate/length
 * (for one 20 ms frame at 48 kHz: multiples of 50 Hz); other frequencies leak into neighbouring
 * bins, so tests should pick tones on bins.
 */
public final class Goertzel {
    private static final double FULL_SCALE = Short.MAX_VALUE;

    private Goertzel() {
    }

    /** Peak amplitude, in sample units, of the component at {@code frequencyHz} in the whole buffer (48 kHz). */
    public static double amplitude(short[] pcm, double frequencyHz) {
        return amplitude(pcm, 0, pcm.length, frequencyHz, AudioFormat.SAMPLE_RATE);
    }

    /** Peak amplitude, in sample units, of the component at {@code frequencyHz} in {@code pcm[offset, offset+length)}. */
    public static double amplitude(short[] pcm, int offset, int length, double frequencyHz, int sampleRate) {
        if (length <= 0 || offset < 0 || offset + length > pcm.length) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside " + pcm.length + " samples");
        }
        if (!(frequencyHz >= 0 && frequencyHz <= sampleRate / 2.0)) {
            throw new IllegalArgumentException("frequency must be 0..Nyquist, got " + frequencyHz);
        }
        double omega = 2 * Math.PI * frequencyHz / sampleRate;
        double coefficient = 2 * Math.cos(omega);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = offset; i < offset + length; i++) {
            double current = pcm[i] + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        return 2 * Math.sqrt(Math.max(0, power)) / length;
    }

    /** {@link #amplitude(short[], double)} in dB relative to a full-scale sine (amplitude 32767). */
    public static double dbfs(short[] pcm, double frequencyHz) {
        return toDbfs(amplitude(pcm, frequencyHz));
    }

    /** An amplitude in dB relative to full scale; -200 dB for zero, so comparisons stay finite. */
    public static double toDbfs(double amplitude) {
        return amplitude <= 0 ? -200 : 20 * Math.log10(amplitude / FULL_SCALE);
    }
}
