package io.chorus.mixer.audio;

/**
 * The one PCM format inside the mixer: 48 kHz mono signed 16-bit, in 20 ms frames. Decoders
 * deliver it and encoders take it, so the mixing code never resamples or remaps channels.
 */
public final class AudioFormat {
    public static final int SAMPLE_RATE = 48_000;
    public static final int FRAME_MILLIS = 20;
    public static final int SAMPLES_PER_FRAME = SAMPLE_RATE * FRAME_MILLIS / 1000;

    private AudioFormat() {
    }
}
