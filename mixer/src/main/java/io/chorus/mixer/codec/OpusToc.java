package io.chorus.mixer.codec;

/**
 * Reads the Opus table-of-contents byte (RFC 6716 section 3.1) at 48 kHz: how many samples a packet
 * holds, and the one-byte packet that asks libopus to conceal a lost frame.
 */
final class OpusToc {
    /** The longest packet Opus allows: 120 ms. */
    static final int MAX_PACKET_SAMPLES = 5760;
    /** 10 ms, the shortest frame duration every Opus mode (SILK, hybrid, CELT) has. */
    static final int SHORTEST_COMMON_FRAME = 480;
    static final int TWENTY_MS = 960;
    /** CELT fullband 20 ms mono: used for concealment before any packet has arrived (libopus then outputs silence). */
    static final int DEFAULT_TOC = 31 << 3;

    private static final int STEREO_BIT = 0x04;

    private OpusToc() {
    }

    /** Samples per channel in a packet, or -1 when the header is malformed. */
    static int packetSamples(byte[] packet, int offset, int length) {
        if (length < 1) {
            return -1;
        }
        int toc = packet[offset] & 0xFF;
        int frames = switch (toc & 0x03) {
            case 0 -> 1;
            case 1, 2 -> 2;
            default -> length < 2 ? 0 : packet[offset + 1] & 0x3F;
        };
        int samples = frames * frameSamples(toc);
        return frames == 0 || samples > MAX_PACKET_SAMPLES ? -1 : samples;
    }

    /** Samples in one frame of the packet whose TOC byte this is. */
    static int frameSamples(int toc) {
        int config = (toc & 0xFF) >> 3;
        if (config < 12) {
            return new int[] {480, 960, 1920, 2880}[config & 0x03];
        }
        if (config < 16) {
            return (config & 0x01) == 0 ? 480 : 960;
        }
        return 120 << (config & 0x03);
    }

    /**
     * A single-frame TOC with the same mode, bandwidth and channel count as {@code lastToc} but a
     * frame of {@code samples} (10 or 20 ms). Fed as a one-byte packet it is a frame with no data,
     * which libopus conceals for exactly that duration; keeping the bandwidth stops libopus from
     * switching SILK's internal rate in the middle of the concealment.
     */
    static byte concealmentToc(int lastToc, int samples) {
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
