package io.chorus.samples.load;

import io.chorus.core.rtp.AudioLevelExtension;

/** RFC 6464 levels of PCM frames, as a browser's sender computes them for the extension it stamps. */
final class AudioLevel {
    private static final double FULL_SCALE = 32768.0;

    private AudioLevel() {
    }

    /**
     * The frame's RMS in -dBov (0 loudest .. 127 digital silence), rounded to the nearest dB.
     * RFC 6464 puts 0 dBov at the overload point, full scale for 16-bit PCM.
     */
    static int of(short[] pcm) {
        double sumOfSquares = 0;
        for (short s : pcm) {
            sumOfSquares += (double) s * s;
        }
        double rms = Math.sqrt(sumOfSquares / pcm.length) / FULL_SCALE;
        if (rms == 0) {
            return AudioLevelExtension.SILENCE;
        }
        long minusDbov = Math.round(-20 * Math.log10(rms));
        return (int) Math.max(0, Math.min(AudioLevelExtension.SILENCE, minusDbov));
    }
}
