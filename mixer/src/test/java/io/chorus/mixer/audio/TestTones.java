package io.chorus.mixer.audio;

import java.util.Random;

/** Synthetic PCM for audio tests: phase-continuous sines, seeded noise, RMS. */
public final class TestTones {
    private static final double FULL_SCALE = Short.MAX_VALUE;

    private TestTones() {
    }

    /** Peak amplitude of a sine at {@code dbfs} (0 dBFS = 32767). */
    public static double amplitude(double dbfs) {
        return FULL_SCALE * Math.pow(10, dbfs / 20);
    }

    /**
     * Fills {@code out} with a sine continuing from absolute sample index {@code firstSample}, so that
     * consecutive frames join without a phase jump.
     */
    public static void sine(short[] out, double frequencyHz, double dbfs, long firstSample) {
        double peak = amplitude(dbfs);
        for (int i = 0; i < out.length; i++) {
            double phase = 2 * Math.PI * frequencyHz * (firstSample + i) / AudioFormat.SAMPLE_RATE;
            out[i] = (short) Math.round(peak * Math.sin(phase));
        }
    }

    /** One 20 ms frame of sine; {@code frame} numbers frames from the start of the tone. */
    public static short[] sineFrame(double frequencyHz, double dbfs, long frame) {
        short[] out = new short[AudioFormat.SAMPLES_PER_FRAME];
        sine(out, frequencyHz, dbfs, frame * AudioFormat.SAMPLES_PER_FRAME);
        return out;
    }

    /** Adds uniform white noise of the given peak amplitude (in sample units). */
    public static void addNoise(short[] pcm, Random random, int peak) {
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (pcm[i] + random.nextInt(2 * peak + 1) - peak);
        }
    }

    public static double rms(short[] pcm) {
        double sum = 0;
        for (short s : pcm) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / pcm.length);
    }

    /** Ratio of two RMS values in dB. */
    public static double db(double rms, double reference) {
        return 20 * Math.log10(rms / reference);
    }
}
