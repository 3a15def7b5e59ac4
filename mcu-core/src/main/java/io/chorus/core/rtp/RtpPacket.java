package io.chorus.core.rtp;

import io.chorus.core.MalformedPacketException;

/**
 * Zero-copy view of an RTP packet (RFC 3550 section 5.1) inside a caller-owned byte array.
 * Getters read straight from the array; setters write the fixed header in place, which is how
 * the server rewrites SSRC, sequence number and timestamp without copying the payload.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * |                           timestamp                           |
 * |           synchronization source (SSRC) identifier            |
 * |            contributing source (CSRC) identifiers             |
 * |      defined by profile       |     extension length (words)  |
 * |                       header extension                        |
 * </pre>
 */
public final class RtpPacket {
    public static final int FIXED_HEADER_LENGTH = 12;
    private static final int ONE_BYTE_EXTENSION_PROFILE = 0xBEDE;
    private static final int TWO_BYTE_EXTENSION_PROFILE_MASK = 0xFFF0;
    private static final int TWO_BYTE_EXTENSION_PROFILE = 0x1000;

    private final byte[] buffer;
    private final int offset;
    private final int length;
    private final int headerLength;
    private final int paddingLength;

    private RtpPacket(byte[] buffer, int offset, int length, int headerLength, int paddingLength) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.headerLength = headerLength;
        this.paddingLength = paddingLength;
    }

    /** Validates the header and returns a view; the array is not copied. */
    public static RtpPacket parse(byte[] buffer, int offset, int length) throws MalformedPacketException {
        if (length < FIXED_HEADER_LENGTH) {
            throw new MalformedPacketException("RTP packet too short: " + length + " bytes");
        }
        int first = buffer[offset] & 0xFF;
        if ((first >>> 6) != 2) {
            throw new MalformedPacketException("RTP version " + (first >>> 6) + " is not 2");
        }
        int headerLength = FIXED_HEADER_LENGTH + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) {
            if (length < headerLength + 4) {
                throw new MalformedPacketException("RTP header extension truncated");
            }
            int words = readUint16(buffer, offset + headerLength + 2);
            headerLength += 4 + 4 * words;
        }
        if (headerLength > length) {
            throw new MalformedPacketException("RTP header (" + headerLength + " bytes) longer than packet ("
                    + length + ")");
        }
        int paddingLength = 0;
        if ((first & 0x20) != 0) {
            paddingLength = buffer[offset + length - 1] & 0xFF;
            if (paddingLength == 0 || headerLength + paddingLength > length) {
                throw new MalformedPacketException("RTP padding length " + paddingLength + " invalid");
            }
        }
        return new RtpPacket(buffer, offset, length, headerLength, paddingLength);
    }

    /**
     * Writes a fixed 12-byte header followed by the payload into a new array. {@code extraTail}
     * bytes are left free at the end so SRTP can append its authentication tag without copying.
     */
    public static RtpPacket create(int payloadType, int sequenceNumber, long timestamp, long ssrc, boolean marker,
            byte[] payload, int payloadOffset, int payloadLength, int extraTail) {
        byte[] out = new byte[FIXED_HEADER_LENGTH + payloadLength + extraTail];
        out[0] = (byte) 0x80;
        out[1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
        writeUint16(out, 2, sequenceNumber);
        writeUint32(out, 4, timestamp);
        writeUint32(out, 8, ssrc);
        System.arraycopy(payload, payloadOffset, out, FIXED_HEADER_LENGTH, payloadLength);
        return new RtpPacket(out, 0, FIXED_HEADER_LENGTH + payloadLength, FIXED_HEADER_LENGTH, 0);
    }

    /**
     * Like {@link #create}, with one RFC 8285 one-byte header extension element ({@code 0xBEDE}
     * profile, padded to a 32-bit boundary).
     *
     * @param extensionId   the negotiated id, 1..14
     * @param extensionData 1..16 bytes
     */
    public static RtpPacket createWithExtension(int payloadType, int sequenceNumber, long timestamp, long ssrc,
            boolean marker, int extensionId, byte[] extensionData, byte[] payload, int payloadOffset,
            int payloadLength, int extraTail) {
        if (extensionId < 1 || extensionId > 14 || extensionData.length < 1 || extensionData.length > 16) {
            throw new IllegalArgumentException("one-byte header extension needs id 1..14 and 1..16 bytes, got id "
                    + extensionId + " with " + extensionData.length + " bytes");
        }
        int extensionWords = (1 + extensionData.length + 3) / 4;
        int headerLength = FIXED_HEADER_LENGTH + 4 + extensionWords * 4;
        byte[] out = new byte[headerLength + payloadLength + extraTail];
        out[0] = (byte) 0x90;
        out[1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
        writeUint16(out, 2, sequenceNumber);
        writeUint32(out, 4, timestamp);
        writeUint32(out, 8, ssrc);
        writeUint16(out, FIXED_HEADER_LENGTH, 0xBEDE);
        writeUint16(out, FIXED_HEADER_LENGTH + 2, extensionWords);
        out[FIXED_HEADER_LENGTH + 4] = (byte) ((extensionId << 4) | (extensionData.length - 1));
        System.arraycopy(extensionData, 0, out, FIXED_HEADER_LENGTH + 5, extensionData.length);
        System.arraycopy(payload, payloadOffset, out, headerLength, payloadLength);
        return new RtpPacket(out, 0, headerLength + payloadLength, headerLength, 0);
    }

    public byte[] buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public int headerLength() {
        return headerLength;
    }

    public boolean hasPadding() {
        return paddingLength != 0;
    }

    public boolean hasExtension() {
        return (buffer[offset] & 0x10) != 0;
    }

    public int csrcCount() {
        return buffer[offset] & 0x0F;
    }

    public boolean marker() {
        return (buffer[offset + 1] & 0x80) != 0;
    }

    public void setMarker(boolean marker) {
        buffer[offset + 1] = (byte) ((buffer[offset + 1] & 0x7F) | (marker ? 0x80 : 0));
    }

    public int payloadType() {
        return buffer[offset + 1] & 0x7F;
    }

    public void setPayloadType(int payloadType) {
        buffer[offset + 1] = (byte) ((buffer[offset + 1] & 0x80) | (payloadType & 0x7F));
    }

    public int sequenceNumber() {
        return readUint16(buffer, offset + 2);
    }

    public void setSequenceNumber(int seq) {
        writeUint16(buffer, offset + 2, seq);
    }

    public long timestamp() {
        return readUint32(buffer, offset + 4);
    }

    public void setTimestamp(long timestamp) {
        writeUint32(buffer, offset + 4, timestamp);
    }

    public long ssrc() {
        return readUint32(buffer, offset + 8);
    }

    public void setSsrc(long ssrc) {
        writeUint32(buffer, offset + 8, ssrc);
    }

    public int payloadOffset() {
        return offset + headerLength;
    }

    public int payloadLength() {
        return length - headerLength - paddingLength;
    }

    /** Copy of the payload; prefer {@link #payloadOffset()} with {@link #buffer()} on hot paths. */
    public byte[] payload() {
        byte[] out = new byte[payloadLength()];
        System.arraycopy(buffer, payloadOffset(), out, 0, out.length);
        return out;
    }

    /**
     * Finds a header extension element (RFC 8285, one-byte or two-byte form) by its negotiated id.
     * Returns the absolute offset of its data in {@link #buffer()} and its length packed as
     * {@code (offset << 16) | length}, or -1 if absent.
     */
    public long findExtension(int id) {
        if (!hasExtension()) {
            return -1;
        }
        int extStart = offset + FIXED_HEADER_LENGTH + 4 * csrcCount();
        int profile = readUint16(buffer, extStart);
        int end = offset + headerLength;
        int pos = extStart + 4;
        if (profile == ONE_BYTE_EXTENSION_PROFILE) {
            while (pos < end) {
                int b = buffer[pos] & 0xFF;
                if (b == 0) {
                    pos++;
                    continue;
                }
                int elementId = b >>> 4;
                int elementLength = (b & 0x0F) + 1;
                if (elementId == 15 || pos + 1 + elementLength > end) {
                    return -1;
                }
                if (elementId == id) {
                    return ((long) (pos + 1) << 16) | elementLength;
                }
                pos += 1 + elementLength;
            }
        } else if ((profile & TWO_BYTE_EXTENSION_PROFILE_MASK) == TWO_BYTE_EXTENSION_PROFILE) {
            while (pos + 1 < end) {
                int elementId = buffer[pos] & 0xFF;
                if (elementId == 0) {
                    pos++;
                    continue;
                }
                int elementLength = buffer[pos + 1] & 0xFF;
                if (pos + 2 + elementLength > end) {
                    return -1;
                }
                if (elementId == id) {
                    return ((long) (pos + 2) << 16) | elementLength;
                }
                pos += 2 + elementLength;
            }
        }
        return -1;
    }

    public static int readUint16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    public static long readUint32(byte[] b, int off) {
        return ((long) (b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8)
                | (b[off + 3] & 0xFF);
    }

    public static void writeUint16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    public static void writeUint32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
