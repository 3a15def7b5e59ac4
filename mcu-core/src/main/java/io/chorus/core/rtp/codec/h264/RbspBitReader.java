package io.chorus.core.rtp.codec.h264;

import io.chorus.core.MalformedPacketException;

/**
 * Reads the bits of a NAL unit's payload (its RBSP, H.264 section 7.3.1): the emulation
 * prevention byte that follows every 00 00 inside a NAL unit is dropped while reading, and
 * Exp-Golomb codes (section 9.1) are decoded.
 */
final class RbspBitReader {
    private static final int MAX_LEADING_ZEROS = 31;

    private final byte[] b;
    private final int end;
    private int pos;
    private int bit;
    private int current;
    private int zeros;

    RbspBitReader(byte[] b, int offset, int length) {
        this.b = b;
        this.pos = offset;
        this.end = offset + length;
        this.bit = 8;
    }

    boolean flag() throws MalformedPacketException {
        return bits(1) == 1;
    }

    int bits(int n) throws MalformedPacketException {
        int value = 0;
        for (int i = 0; i < n; i++) {
            if (bit == 8) {
                nextByte();
            }
            value = (value << 1) | ((current >>> (7 - bit)) & 1);
            bit++;
        }
        return value;
    }

    /** ue(v): unsigned Exp-Golomb. */
    long unsigned() throws MalformedPacketException {
        int leadingZeros = 0;
        while (bits(1) == 0) {
            if (++leadingZeros > MAX_LEADING_ZEROS) {
                throw new MalformedPacketException("Exp-Golomb code longer than 32 bits");
            }
        }
        return (1L << leadingZeros) - 1 + (bits(leadingZeros) & 0xFFFF_FFFFL);
    }

    /** se(v): signed Exp-Golomb, 1, -1, 2, -2, ... for codes 1, 2, 3, 4, ... */
    long signed() throws MalformedPacketException {
        long code = unsigned();
        return (code & 1) == 1 ? (code + 1) / 2 : -(code / 2);
    }

    /** A ue(v) that must lie in [0, max]. */
    int unsigned(long max, String what) throws MalformedPacketException {
        long value = unsigned();
        if (value > max) {
            throw new MalformedPacketException(what + " " + value + " exceeds " + max);
        }
        return (int) value;
    }

    private void nextByte() throws MalformedPacketException {
        if (pos < end && zeros >= 2 && b[pos] == 3) {
            pos++;
            zeros = 0;
        }
        if (pos >= end) {
            throw new MalformedPacketException("NAL unit ends in the middle of a field");
        }
        current = b[pos++] & 0xFF;
        zeros = current == 0 ? zeros + 1 : 0;
        bit = 0;
    }
}
