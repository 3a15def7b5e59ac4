package io.chorus.mixer.codec;

import io.chorus.mixer.audio.AudioFormat;

/**
 * Encodes the mixer's 20 ms mono frames to Opus for WebRTC receivers, with the settings of
 * {@link OpusSettings} (voip, in-band FEC, complexity chosen by measurement). Open one with
 * {@link OpusLibrary#encoder}, which picks the libopus the process runs. Not thread-safe; use from one
 * thread at a time.
 */
public interface OpusEncoder extends AutoCloseable {
    /** The largest single-frame Opus packet (RFC 6716: 1275 bytes of frame plus the TOC). */
    int MAX_PACKET_BYTES = 1276;
    int MIN_BITRATE_BPS = 6_000;
    int MAX_BITRATE_BPS = 256_000;

    /** Current target bitrate in bit/s. */
    int bitrate();

    /**
     * Encodes one 20 ms frame ({@link AudioFormat#SAMPLES_PER_FRAME} samples).
     *
     * @return the Opus packet
     */
    byte[] encode(short[] pcm);

    /** Changes the target bitrate from the next frame on. */
    void setBitrate(int bitrateBps);

    /** Frees the native encoder; idempotent, and any later use throws {@link IllegalStateException}. */
    @Override
    void close();
}
