package io.chorus.core.rtp.codec.opus;

/**
 * The table-of-contents byte that begins every Opus packet
 * (<a href="https://www.rfc-editor.org/rfc/rfc6716#section-3.1">RFC 6716 section 3.1</a>), and
 * what the depacketizer and the decoder read from it: frame and packet durations at 48 kHz, and
 * the one-byte packet that asks libopus to conceal a lost frame.
 *
 * <pre>
 *  0 1 2 3 4 5 6 7
 * +-+-+-+-+-+-+-+-+
 * | config  |s| c |   config: mode, bandwidth and frame size (table 2); s: stereo;
 * +-+-+-+-+-+-+-+-+   c: frame count code (0: one frame, 1: two equal, 2: two sized, 3: signalled)
 * </pre>
 */
public record OpusToc(int config, boolean stereo, int frameCountCode) {
    /** The longest packet Opus allows: 120 ms. */
    public static final int MAX_PACKET_SAMPLES = 5760;
    /** 10 ms, the shortest frame duration every Opus mode (SILK, hybrid, CELT) has. */
    public static final int SHORTEST_COMMON_FRAME = 480;
    public static final int TWENTY_MS = 960;
    /** CELT fullband 20 ms mono: what to conceal before any packet arrived (libopus then outputs silence). */
    public static final int DEFAULT_TOC = 31 << 3;

    private static final int STEREO_BIT = 0x04;
    /** Frame sizes in 48 kHz samples for configs 0-31: SILK 10-60 ms, hybrid 10-20 ms, CELT 2.5-20 ms. */
    private static final int[] FRAME_SAMPLES = {
            480, 960, 1920, 2880, 480, 960, 1920, 2880, 480, 960, 1920, 2880,
            480, 960, 480, 960,
            120, 240, 480, 960, 120, 240, 480, 960, 120, 240, 480, 960, 120, 240, 480, 960};

    public static OpusToc of(byte toc) {
        return new OpusToc((toc & 0xFF) >>> 3, (toc & STEREO_BIT) != 0, toc & 0x03);
    }

    /** Duration of each frame in the packet, in samples at 48 kHz whatever the coded bandwidth. */
    public int samplesPerFrame() {
        return FRAME_SAMPLES[config];
    }

    /**
     * Samples per channel in a whole packet, from its TOC and (code 3) its frame count byte, or -1
     * when the header is malformed or the packet is longer than Opus allows. Reads no further.
     */
    public static int packetSamples(byte[] packet, int offset, int length) {
        if (length < 1) {
            return -1;
        }
        OpusToc toc = of(packet[offset]);
        int frames = switch (toc.frameCountCode) {
            case 0 -> 1;
            case 1, 2 -> 2;
            default -> length < 2 ? 0 : packet[offset + 1] & 0x3F;
        };
        int samples = frames * toc.samplesPerFrame();
        return frames == 0 || samples > MAX_PACKET_SAMPLES ? -1 : samples;
    }

    /**
     * A single-frame TOC with the same mode, bandwidth and channel count as {@code lastToc} but a
     * frame of {@code samples} (10 or 20 ms). Fed as a one-byte packet it is a frame with no data,
     * which libopus conceals for exactly that duration; keeping the bandwidth stops libopus from
     * switching SILK's internal rate in the middle of the concealment.
     */
    public static byte concealmentToc(int lastToc, int samples) {
        boolean twenty = samples == TWENTY_MS;
        int config = (lastToc & 0xFF) >> 3;
        int concealed;
        if (config < 12) {
            concealed = (config & ~0x03) | (twenty ? 1 : 0);
        } else if (config < 16) {
            concealed = (config & ~0x01) | (twenty ? 1 : 0);
        } else {
            concealed = (config & ~0x03) | (twenty ? 3 : 2);
        }
        return (byte) (concealed << 3 | (lastToc & STEREO_BIT));
    }
}
