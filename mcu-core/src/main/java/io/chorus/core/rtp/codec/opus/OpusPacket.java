package io.chorus.core.rtp.codec.opus;

import io.chorus.core.MalformedPacketException;

/**
 * Checks an Opus packet's framing against the rules of RFC 6716 section 3.4 (R1-R7) without
 * decoding it: TOC byte present, frame lengths that fit the packet and stay within 1275 bytes, a
 * code 3 count of 1 or more frames lasting at most 120 ms, padding that does not overrun.
 *
 * <pre>
 * code 0: TOC, frame                    code 2: TOC, N1 (1-2 bytes), frame 1, frame 2
 * code 1: TOC, two frames of equal size code 3: TOC, |v|p| M |, [padding length], [M-1 lengths
 *                                               if v], M frames, padding
 * </pre>
 */
public record OpusPacket(OpusToc toc, int frameCount) {
    private static final int MAX_FRAME_LENGTH = 1275;

    public static OpusPacket parse(byte[] b, int offset, int length) throws MalformedPacketException {
        if (length < 1) {
            throw new MalformedPacketException("empty Opus packet");
        }
        OpusToc toc = OpusToc.of(b[offset]);
        Reader r = new Reader(b, offset + 1, offset + length);
        int frames = switch (toc.frameCountCode()) {
            case 0 -> {
                checkFrameLength(r.remaining());
                yield 1;
            }
            case 1 -> {
                if (r.remaining() % 2 != 0) {
                    throw new MalformedPacketException("Opus code 1 packet with an odd payload of "
                            + r.remaining() + " bytes");
                }
                checkFrameLength(r.remaining() / 2);
                yield 2;
            }
            case 2 -> {
                int first = r.frameLength();
                if (first > r.remaining()) {
                    throw new MalformedPacketException("Opus code 2 first frame of " + first + " bytes with "
                            + r.remaining() + " left");
                }
                checkFrameLength(r.remaining() - first);
                yield 2;
            }
            default -> signalledFrames(toc, r);
        };
        return new OpusPacket(toc, frames);
    }

    /** Duration of the whole packet in samples at 48 kHz. */
    public int durationSamples() {
        return frameCount * toc.samplesPerFrame();
    }

    private static int signalledFrames(OpusToc toc, Reader r) throws MalformedPacketException {
        int countByte = r.nextByte("frame count byte");
        boolean variable = (countByte & 0x80) != 0;
        boolean padded = (countByte & 0x40) != 0;
        int frames = countByte & 0x3F;
        if (frames == 0 || frames * toc.samplesPerFrame() > OpusToc.MAX_PACKET_SAMPLES) {
            throw new MalformedPacketException("Opus code 3 packet of " + frames + " frames of "
                    + toc.samplesPerFrame() + " samples: none or more than 120 ms");
        }
        if (padded) {
            int padding = 0;
            int lengthByte;
            do {
                lengthByte = r.nextByte("padding length");
                padding += lengthByte == 255 ? 254 : lengthByte;
            } while (lengthByte == 255);
            r.trimEnd(padding);
        }
        if (variable) {
            int total = 0;
            for (int i = 0; i < frames - 1; i++) {
                total += r.frameLength();
            }
            if (total > r.remaining()) {
                throw new MalformedPacketException("Opus code 3 frame lengths add up to " + total + " with "
                        + r.remaining() + " bytes left");
            }
            checkFrameLength(r.remaining() - total);
        } else {
            if (r.remaining() % frames != 0) {
                throw new MalformedPacketException("Opus code 3 constant bitrate packet: " + r.remaining()
                        + " bytes do not split into " + frames + " frames");
            }
            checkFrameLength(r.remaining() / frames);
        }
        return frames;
    }

    private static void checkFrameLength(int length) throws MalformedPacketException {
        if (length > MAX_FRAME_LENGTH) {
            throw new MalformedPacketException("Opus frame of " + length + " bytes exceeds "
                    + MAX_FRAME_LENGTH);
        }
    }

    /** Walks the bytes after the TOC; the end moves in when trailing padding is announced. */
    private static final class Reader {
        private final byte[] b;
        private int pos;
        private int end;

        Reader(byte[] b, int pos, int end) {
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        int remaining() {
            return end - pos;
        }

        int nextByte(String what) throws MalformedPacketException {
            if (pos >= end) {
                throw new MalformedPacketException("Opus packet ends before its " + what);
            }
            return b[pos++] & 0xFF;
        }

        /** Section 3.2.1: one byte below 252, else two, first + 4 * second. */
        int frameLength() throws MalformedPacketException {
            int first = nextByte("frame length");
            return first < 252 ? first : first + 4 * nextByte("frame length");
        }

        void trimEnd(int padding) throws MalformedPacketException {
            if (padding > remaining()) {
                throw new MalformedPacketException("Opus padding of " + padding + " bytes with " + remaining()
                        + " left");
            }
            end -= padding;
        }
    }
}
