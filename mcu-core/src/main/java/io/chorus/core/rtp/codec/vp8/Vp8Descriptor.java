package io.chorus.core.rtp.codec.vp8;

import io.chorus.core.MalformedPacketException;

/**
 * The VP8 payload descriptor (RFC 7741 section 4.2) at the front of every VP8 RTP payload: one
 * mandatory byte, then, when X is set, an extension byte announcing which optional fields follow.
 *
 * <pre>
 *       0 1 2 3 4 5 6 7
 *      +-+-+-+-+-+-+-+-+
 *      |X|R|N|S|R| PID |  X: extension byte follows; N: non-reference frame;
 *      +-+-+-+-+-+-+-+-+  S: first packet of a partition; PID: partition index
 * X:   |I|L|T|K| RSV   |  which of the fields below are present
 *      +-+-+-+-+-+-+-+-+
 * I:   |M| PictureID   |  M=1: the picture id has 15 bits and takes a second byte
 *      +-+-+-+-+-+-+-+-+
 *      |   PictureID   |  (only when M=1)
 *      +-+-+-+-+-+-+-+-+
 * L:   |   TL0PICIDX   |
 *      +-+-+-+-+-+-+-+-+
 * T/K: |TID|Y| KEYIDX  |  present when T or K is set; TID and Y count only with T, KEYIDX only with K
 *      +-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Absent fields are {@link #ABSENT}. Reserved bits are written as zero and ignored when read, as
 * the RFC asks.
 *
 * @param extended        X bit: the extension byte is present (possibly announcing nothing)
 * @param nonReference    N bit: no other frame refers to this one
 * @param start           S bit: the packet begins a partition
 * @param partitionId     PID, 0-7
 * @param pictureId       7- or 15-bit picture id, or {@link #ABSENT}
 * @param longPictureId   M bit: the picture id is written in 15 bits
 * @param tl0PicIdx       TL0PICIDX, 0-255, or {@link #ABSENT}
 * @param temporalLayerId TID, 0-3, or {@link #ABSENT}
 * @param layerSync       Y bit, only with a temporal layer id
 * @param keyIndex        KEYIDX, 0-31, or {@link #ABSENT}
 */
public record Vp8Descriptor(boolean extended, boolean nonReference, boolean start, int partitionId, int pictureId,
        boolean longPictureId, int tl0PicIdx, int temporalLayerId, boolean layerSync, int keyIndex) {
    public static final int ABSENT = -1;

    public Vp8Descriptor {
        if (!extended && (pictureId != ABSENT || tl0PicIdx != ABSENT || temporalLayerId != ABSENT
                || keyIndex != ABSENT)) {
            throw new IllegalArgumentException("optional VP8 descriptor fields need the X bit");
        }
        check(partitionId, 0, 7, "partition id");
        if (pictureId != ABSENT) {
            check(pictureId, 0, longPictureId ? 0x7FFF : 0x7F, "picture id");
        } else if (longPictureId) {
            throw new IllegalArgumentException("15-bit picture id without a picture id");
        }
        if (tl0PicIdx != ABSENT) {
            check(tl0PicIdx, 0, 0xFF, "TL0PICIDX");
        }
        if (temporalLayerId != ABSENT) {
            check(temporalLayerId, 0, 3, "temporal layer id");
        } else if (layerSync) {
            throw new IllegalArgumentException("layer sync bit without a temporal layer id");
        }
        if (keyIndex != ABSENT) {
            check(keyIndex, 0, 0x1F, "key index");
        }
    }

    /** The server's own form: a 15-bit picture id and nothing else optional. */
    public static Vp8Descriptor withPictureId(boolean start, int pictureId) {
        return new Vp8Descriptor(true, false, start, 0, pictureId, true, ABSENT, ABSENT, false, ABSENT);
    }

    public static Vp8Descriptor parse(byte[] b, int offset, int length) throws MalformedPacketException {
        need(length, 1, "its first byte");
        int first = b[offset] & 0xFF;
        int pictureId = ABSENT;
        boolean longPictureId = false;
        int tl0PicIdx = ABSENT;
        int temporalLayerId = ABSENT;
        boolean layerSync = false;
        int keyIndex = ABSENT;
        boolean extended = (first & 0x80) != 0;
        if (extended) {
            need(length, 2, "extension byte");
            int extension = b[offset + 1] & 0xFF;
            int pos = 2;
            if ((extension & 0x80) != 0) {
                need(length, pos + 1, "picture id");
                longPictureId = (b[offset + pos] & 0x80) != 0;
                if (longPictureId) {
                    need(length, pos + 2, "15-bit picture id");
                    pictureId = ((b[offset + pos] & 0x7F) << 8) | (b[offset + pos + 1] & 0xFF);
                    pos += 2;
                } else {
                    pictureId = b[offset + pos] & 0x7F;
                    pos++;
                }
            }
            if ((extension & 0x40) != 0) {
                need(length, pos + 1, "TL0PICIDX");
                tl0PicIdx = b[offset + pos] & 0xFF;
                pos++;
            }
            if ((extension & 0x30) != 0) {
                need(length, pos + 1, "TID/KEYIDX byte");
                int layers = b[offset + pos] & 0xFF;
                if ((extension & 0x20) != 0) {
                    temporalLayerId = layers >>> 6;
                    layerSync = (layers & 0x20) != 0;
                }
                if ((extension & 0x10) != 0) {
                    keyIndex = layers & 0x1F;
                }
            }
        }
        return new Vp8Descriptor(extended, (first & 0x20) != 0, (first & 0x10) != 0, first & 0x07, pictureId,
                longPictureId, tl0PicIdx, temporalLayerId, layerSync, keyIndex);
    }

    /** Bytes this descriptor takes on the wire; the VP8 payload follows them. */
    public int length() {
        if (!extended) {
            return 1;
        }
        int length = 2;
        if (pictureId != ABSENT) {
            length += longPictureId ? 2 : 1;
        }
        if (tl0PicIdx != ABSENT) {
            length++;
        }
        if (temporalLayerId != ABSENT || keyIndex != ABSENT) {
            length++;
        }
        return length;
    }

    /** Writes the descriptor at {@code offset}; returns its length. */
    public int write(byte[] b, int offset) {
        b[offset] = (byte) ((extended ? 0x80 : 0) | (nonReference ? 0x20 : 0) | (start ? 0x10 : 0)
                | partitionId);
        if (!extended) {
            return 1;
        }
        boolean layerByte = temporalLayerId != ABSENT || keyIndex != ABSENT;
        b[offset + 1] = (byte) ((pictureId != ABSENT ? 0x80 : 0) | (tl0PicIdx != ABSENT ? 0x40 : 0)
                | (temporalLayerId != ABSENT ? 0x20 : 0) | (keyIndex != ABSENT ? 0x10 : 0));
        int pos = offset + 2;
        if (pictureId != ABSENT) {
            if (longPictureId) {
                b[pos++] = (byte) (0x80 | (pictureId >>> 8));
            }
            b[pos++] = (byte) (pictureId & (longPictureId ? 0xFF : 0x7F));
        }
        if (tl0PicIdx != ABSENT) {
            b[pos++] = (byte) tl0PicIdx;
        }
        if (layerByte) {
            int tid = temporalLayerId == ABSENT ? 0 : temporalLayerId;
            int keyIdx = keyIndex == ABSENT ? 0 : keyIndex;
            b[pos++] = (byte) ((tid << 6) | (layerSync ? 0x20 : 0) | keyIdx);
        }
        return pos - offset;
    }

    private static void check(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " " + value + " outside " + min + "-" + max);
        }
    }

    private static void need(int length, int bytes, String what) throws MalformedPacketException {
        if (length < bytes) {
            throw new MalformedPacketException("VP8 payload descriptor of " + length + " bytes ends before "
                    + what);
        }
    }
}
