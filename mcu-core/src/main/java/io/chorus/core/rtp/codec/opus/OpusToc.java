package io.chorus.core.rtp.codec.opus;

import io.chorus.core.MalformedPacketException;

/**
 * The table-of-contents byte that begins every Opus packet (RFC 6716 section 3.1): configuration
 * (mode, bandwidth, frame size), stereo flag and frame count code.
 */
public record OpusToc(int config, boolean stereo, int frameCount, int samplesPerFrame) {
    /** Frame sizes in 48 kHz samples for configs 0-31 (RFC 6716 table 2). */
    private static final int[] FRAME_SAMPLES = {
            480, 960, 1920, 2880, 480, 960, 1920, 2880, 480, 960, 1920, 2880,
            480, 960, 480, 960,
            120, 240, 480, 960, 120, 240, 480, 960, 120, 240, 480, 960, 120, 240, 480, 960};
    private static final int MAX_PACKET_SAMPLES = 5760;

    public static OpusToc parse(byte[] b, int offset, int length) throws MalformedPacketException {
        if (length < 1) {
            throw new MalformedPacketException("empty Opus packet");
        }
        int toc = b[offset] & 0xFF;
        int config = toc >>> 3;
        int code = toc & 0x03;
        int frames = switch (code) {
            case 0 -> 1;
            case 1, 2 -> 2;
            default -> {
                if (length < 2) {
                    throw new MalformedPacketException("Opus code 3 packet without frame count byte");
                }
                yield b[offset + 1] & 0x3F;
            }
        };
        int samples = FRAME_SAMPLES[config];
        if (frames == 0 || frames * samples > MAX_PACKET_SAMPLES) {
            throw new MalformedPacketException("Opus packet of " + frames + " frames of " + samples
                    + " samples exceeds 120 ms");
        }
        return new OpusToc(config, (toc & 0x04) != 0, frames, samples);
    }

    public int durationSamples() {
        return frameCount * samplesPerFrame;
    }
}
