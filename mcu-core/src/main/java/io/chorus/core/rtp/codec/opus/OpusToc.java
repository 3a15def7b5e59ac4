package io.chorus.core.rtp.codec.opus;

/**
 * The table-of-contents byte that begins every Opus packet (RFC 6716 section 3.1).
 *
 * <pre>
 *  0 1 2 3 4 5 6 7
 * +-+-+-+-+-+-+-+-+
 * | config  |s| c |   config: mode, bandwidth and frame size (table 2); s: stereo;
 * +-+-+-+-+-+-+-+-+   c: frame count code (0: one frame, 1: two equal, 2: two sized, 3: signalled)
 * </pre>
 */
public record OpusToc(int config, boolean stereo, int frameCountCode) {
    /** Frame sizes in 48 kHz samples for configs 0-31: SILK 10-60 ms, hybrid 10-20 ms, CELT 2.5-20 ms. */
    private static final int[] FRAME_SAMPLES = {
            480, 960, 1920, 2880, 480, 960, 1920, 2880, 480, 960, 1920, 2880,
            480, 960, 480, 960,
            120, 240, 480, 960, 120, 240, 480, 960, 120, 240, 480, 960, 120, 240, 480, 960};

    public static OpusToc of(byte toc) {
        return new OpusToc((toc & 0xFF) >>> 3, (toc & 0x04) != 0, toc & 0x03);
    }

    /** Duration of each frame in the packet, in samples at 48 kHz whatever the coded bandwidth. */
    public int samplesPerFrame() {
        return FRAME_SAMPLES[config];
    }
}
