package io.chorus.mixer.audio;

/**
 * Audio level as RFC 6464 carries it: 0..127 meaning 0..-127 dBov, where 0 dBov is the loudest
 * signal the format can encode. For 16-bit PCM that reference is a full-scale square wave, whose
 * RMS equals its peak (32767); a full-scale sine therefore reads about 3 (-3.01 dBov). The RFC
 * leaves the averaging window to the sender; here it is whatever PCM is passed, normally one
 * 20 ms frame. Digital silence is 127, as the RFC requires.

 * The extension byte itself is read by the transport ({@code AudioLevelExtension} in mcu-core).
 */
public final class AudioLevel {
    /** Level of digital silence, and the quietest level the extension can express. */
    public static final int SILENCE = 127;

    private static final double OVERLOAD_RMS = Short.MAX_VALUE;

    private AudioLevel() {
    }

    /** RFC 6464 level of the whole buffer: -dBov of its RMS, rounded to the nearest dB. */
    public static int fromPcm(short[] pcm) {
        if (pcm.length == 0) {
            throw new IllegalArgumentException("PCM buffer is empty");
        }
        long sumOfSquares = 0;
        for (short sample : pcm) {
            sumOfSquares += sample * sample;
        }
        if (sumOfSquares == 0) {
            return SILENCE;
        }
        double rms = Math.sqrt((double) sumOfSquares / pcm.length);
        double dbov = 20 * Math.log10(rms / OVERLOAD_RMS);
        return (int) Math.max(0, Math.min(SILENCE, Math.round(-dbov)));
    }
}
