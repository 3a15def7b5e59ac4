package io.chorus.core.rtp.codec.vp8;

import io.chorus.core.MalformedPacketException;

/**
 * The VP8 payload descriptor (RFC 7741 section 4.2) at the front of every VP8 RTP payload.
 *
 * <pre>
 *       0 1 2 3 4 5 6 7
 *      +-+-+-+-+-+-+-+-+
 *      |X|R|N|S|R| PID | (REQUIRED)
 *      +-+-+-+-+-+-+-+-+
 * X:   |I|L|T|K| RSV   | (OPTIONAL)
 *      +-+-+-+-+-+-+-+-+
 * I:   |M| PictureID   | (OPTIONAL, 7 or 15 bits)
 *      +-+-+-+-+-+-+-+-+
 * L:   |   TL0PICIDX   | (OPTIONAL)
 *      +-+-+-+-+-+-+-+-+
 * T/K: |TID|Y| KEYIDX  | (OPTIONAL)
 *      +-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param length     descriptor bytes; the VP8 payload follows
 * @param start      S bit: first packet of a VP8 partition
 * @param partition  PID: partition index
 * @param pictureId  picture id, or -1 when absent
 */
public record Vp8Descriptor(int length, boolean start, int partition, int pictureId) {

    public static Vp8Descriptor parse(byte[] b, int offset, int length) throws MalformedPacketException {
        if (length < 1) {
            throw new MalformedPacketException("empty VP8 payload");
        }
        int first = b[offset] & 0xFF;
        int pos = 1;
        int pictureId = -1;
        if ((first & 0x80) != 0) {
            need(length, pos + 1, "extension byte");
            int ext = b[offset + pos] & 0xFF;
            pos++;
            if ((ext & 0x80) != 0) {
                need(length, pos + 1, "picture id");
                int pid = b[offset + pos] & 0xFF;
                if ((pid & 0x80) != 0) {
                    need(length, pos + 2, "15-bit picture id");
                    pictureId = ((pid & 0x7F) << 8) | (b[offset + pos + 1] & 0xFF);
                    pos += 2;
                } else {
                    pictureId = pid;
                    pos++;
                }
            }
            if ((ext & 0x40) != 0) {
                pos++;
            }
            if ((ext & 0x30) != 0) {
                pos++;
            }
        }
        if (pos >= length) {
            throw new MalformedPacketException("VP8 descriptor of " + pos + " bytes leaves no payload in "
                    + length + " bytes");
        }
        return new Vp8Descriptor(pos, (first & 0x10) != 0, first & 0x07, pictureId);
    }

    /** Writes the descriptor the server uses: X=1, I=1 with a 15-bit picture id; 4 bytes. */
    public static int write(byte[] b, int offset, boolean start, int pictureId) {
        b[offset] = (byte) (0x80 | (start ? 0x10 : 0));
        b[offset + 1] = (byte) 0x80;
        b[offset + 2] = (byte) (0x80 | ((pictureId >>> 8) & 0x7F));
        b[offset + 3] = (byte) pictureId;
        return 4;
    }

    private static void need(int length, int bytes, String what) throws MalformedPacketException {
        if (length < bytes) {
            throw new MalformedPacketException("VP8 descriptor truncated before its " + what);
        }
    }
}
