package io.chorus.recorder.audio;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.audio.AudioFormat;
import io.chorus.mixer.codec.AacEncoder;
import io.chorus.mixer.codec.OpusDecoder;
import io.chorus.mixer.codec.OpusLibrary;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the room's Opus mix into AAC, for MP4 files and FLV broadcasts. The AAC encoder counts
 * samples, not timestamps, so a gap in the Opus timestamps (audio ticks the mixer skipped when it
 * overran, frames a sink's full queue dropped) is filled with the decoder's concealment, which
 * libopus fades to silence; otherwise everything after the gap would play early and drift from
 * video. A packet older than what is already encoded is dropped. Not thread-safe: one sink worker
 * uses it.
 */
public final class OpusToAac implements AutoCloseable {
    /** Longer gaps are not filled sample by sample: the AAC clock restarts at the new timestamp. */
    private static final long MAX_FILLED_GAP = 5L * AudioFormat.SAMPLE_RATE;

    private final OpusDecoder decoder = OpusLibrary.decoder();
    private AacEncoder encoder;
    private final int bitrateBps;
    private final short[] pcm = new short[OpusDecoder.MAX_SAMPLES];
    private final short[] frame = new short[AudioFormat.SAMPLES_PER_FRAME];
    private long expected = Long.MIN_VALUE;
    private boolean closed;

    public OpusToAac(int bitrateBps) {
        this.bitrateBps = bitrateBps;
        this.encoder = new AacEncoder(bitrateBps);
    }

    public byte[] audioSpecificConfig() {
        return encoder.extradata();
    }

    /**
     * Decodes one Opus packet (48 kHz timestamp) and returns the AAC frames it completes, timestamps
     * on the same clock.
     */
    public List<EncodedFrame> transcode(byte[] opus, long timestamp) {
        List<EncodedFrame> out = new ArrayList<>(2);
        if (expected != Long.MIN_VALUE) {
            long gap = timestamp - expected;
            if (gap < -AudioFormat.SAMPLES_PER_FRAME / 2) {
                return out;
            }
            if (gap > MAX_FILLED_GAP) {
                out.addAll(encoder.flush());
                encoder.close();
                encoder = new AacEncoder(bitrateBps);
            } else {
                for (long at = expected; at + AudioFormat.SAMPLES_PER_FRAME <= timestamp; at += AudioFormat.SAMPLES_PER_FRAME) {
                    decoder.conceal(frame, frame.length);
                    out.addAll(encoder.encode(frame, at));
                }
            }
        }
        int samples = decoder.decode(opus, 0, opus.length, pcm);
        if (samples == 0) {
            samples = decoder.conceal(pcm, AudioFormat.SAMPLES_PER_FRAME);
        }
        for (int at = 0; at + AudioFormat.SAMPLES_PER_FRAME <= samples; at += AudioFormat.SAMPLES_PER_FRAME) {
            System.arraycopy(pcm, at, frame, 0, AudioFormat.SAMPLES_PER_FRAME);
            out.addAll(encoder.encode(frame, timestamp + at));
        }
        expected = timestamp + samples;
        return out;
    }

    /** The frames still inside the encoder. */
    public List<EncodedFrame> flush() {
        return encoder.flush();
    }

    /** Idempotent: a sink's failure path and its owner's stop may both close it. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            decoder.close();
            encoder.close();
        }
    }
}
