package io.chorus.mixer.codec;

import io.chorus.core.rtp.codec.opus.OpusToc;

/**
 * Decodes one participant's Opus stream to the mixer's PCM format (48 kHz mono s16); libopus mixes
 * stereo packets down itself because the decoder is opened mono. Bad packets never throw: they give
 * 0 samples and count in {@link #corruptPackets()}, and the caller conceals the gap. Open one with
 * {@link OpusLibrary#decoder}. Not thread-safe; use from one thread at a time.
 */
public interface OpusDecoder extends AutoCloseable {
    /** Room for the longest packet Opus allows (120 ms). */
    int MAX_SAMPLES = OpusToc.MAX_PACKET_SAMPLES;

    /**
     * Decodes one Opus packet into {@code out}.
     *
     * @param out must hold the packet's duration (960 samples for 20 ms, up to {@link #MAX_SAMPLES})
     * @return samples written, or 0 for a packet that is not valid Opus
     */
    int decode(byte[] packet, int offset, int length, short[] out);

    /**
     * Fills {@code samples} with libopus' packet-loss concealment, continuing the last decoded sound;
     * before any packet it gives silence.
     *
     * @return samples written, always {@code samples}
     */
    int conceal(short[] out, int samples);

    /** Packets that were not valid Opus. */
    long corruptPackets();

    /** Frees the native decoder; idempotent, and any later use throws {@link IllegalStateException}. */
    @Override
    void close();
}
