package io.chorus.mixer.codec;

import io.chorus.core.rtp.codec.opus.OpusToc;
import io.chorus.mixer.audio.AudioFormat;
import java.util.Objects;

/**
 * What every Opus encoder of the server is set to, and the argument rules both libopus bindings
 * share.
 *
 * <p>Application "voip": in-band FEC is a SILK feature (LBRR), and "lowdelay" restricts libopus to
 * CELT, which would silently turn FEC off while saving only 2.5 ms of look-ahead; voip also favours
 * speech intelligibility, which is what a conference carries. FEC is on with an expected loss of
 * {@value #EXPECTED_LOSS_PERCENT}% so receivers can rebuild a lost frame from the next packet.
 * Unconstrained VBR, as FFmpeg's wrapper sets it by default.
 */
final class OpusSettings {
    static final int EXPECTED_LOSS_PERCENT = 10;
    /**
     * libopus complexity, chosen by measurement (bytedeco's FFmpeg 8.0.1, 32 kb/s mono voip with FEC,
     * 60 s of speech and of tones + noise, 2-core host): 5 costs about 0.021 core per encoder against
     * 0.035-0.043 at libopus' default 10, keeps the full 20 kHz band (0 and 1 stop at 8 kHz), and
     * takes the one large quality step (at 4); 8, 9 and 10 give bit-identical output here and cost
     * 0.3 dB less log-spectral distance for 70% more CPU. Details in docs/benchmarks.md.
     */
    static final int COMPLEXITY = 5;

    private OpusSettings() {
    }

    static void checkBitrate(int bitrateBps) {
        if (bitrateBps < OpusEncoder.MIN_BITRATE_BPS || bitrateBps > OpusEncoder.MAX_BITRATE_BPS) {
            throw new IllegalArgumentException("Opus bitrate must be " + OpusEncoder.MIN_BITRATE_BPS + ".."
                    + OpusEncoder.MAX_BITRATE_BPS + " bit/s: " + bitrateBps);
        }
    }

    static void checkFrame(short[] pcm) {
        if (pcm.length != AudioFormat.SAMPLES_PER_FRAME) {
            throw new IllegalArgumentException("a frame is " + AudioFormat.SAMPLES_PER_FRAME + " samples, got " + pcm.length);
        }
    }

    /**
     * The packet's duration in samples after checking the arguments, or -1 for a packet that is not
     * valid Opus (RFC 6716 section 3), which the decoder then never sees.
     */
    static int packetSamples(byte[] packet, int offset, int length, short[] out) {
        Objects.checkFromIndexSize(offset, length, packet.length);
        Objects.requireNonNull(out, "out");
        int samples = OpusToc.packetSamples(packet, offset, length);
        if (samples >= 0 && out.length < samples) {
            throw new IllegalArgumentException("packet holds " + samples + " samples but out has room for " + out.length);
        }
        return samples;
    }

    static void checkConceal(short[] out, int samples) {
        if (samples <= 0 || samples > out.length) {
            throw new IllegalArgumentException("samples must be 1.." + out.length + " (the room in out): " + samples);
        }
    }
}
