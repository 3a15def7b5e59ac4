package io.chorus.core.rtp.codec.h264;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.codec.Dimensions;
import io.chorus.core.rtp.codec.VideoPayloadFormat;

/**
 * H.264 over RTP in packetization mode 1 (RFC 6184): single NAL unit packets (types 1-23),
 * STAP-A aggregates (24) and FU-A fragments (28); the interleaved types of mode 2 (STAP-B, MTAPs,
 * FU-B) are rejected. Each packet's NAL units come out in Annex B form (start code + NAL unit), so
 * the fragments of an access unit concatenate into a byte stream a decoder takes directly.
 *
 * <pre>
 * NAL unit header, first byte of every payload:  |F|NRI|  Type   |
 * STAP-A:  [24 header] then per NAL unit: 16-bit size, NAL unit (header included)
 * FU-A:    [28 indicator: F, NRI of the NAL] [FU header: |S|E|R| Type |] fragment of the NAL body
 *          (the NAL header itself is not sent; it is rebuilt from indicator and FU header)
 * </pre>
 *
 * An access unit begins a frame for certain when it starts with an access unit delimiter or an
 * SPS: nothing but a delimiter or SEI may precede an SPS, and a decoder needs neither. Any other
 * NAL unit may be the first of its access unit or a later one.
 */
public final class H264Format implements VideoPayloadFormat {
    static final byte[] START_CODE = {0, 0, 0, 1};
    private static final int STAP_A_SIZE_LENGTH = 2;
    private static final int FU_A_HEADER_LENGTH = 2;

    @Override
    public Fragment parse(byte[] b, int offset, int length) throws MalformedPacketException {
        if (length < 1) {
            throw new MalformedPacketException("empty H.264 payload");
        }
        checkForbiddenBit(b[offset]);
        int type = NalUnitTypes.of(b[offset]);
        if (NalUnitTypes.isCodecNal(type)) {
            byte[] data = new byte[START_CODE.length + length];
            System.arraycopy(START_CODE, 0, data, 0, START_CODE.length);
            System.arraycopy(b, offset, data, START_CODE.length, length);
            return new Fragment(data, startOf(type), type == NalUnitTypes.IDR);
        }
        return switch (type) {
            case NalUnitTypes.STAP_A -> stapA(b, offset, length);
            case NalUnitTypes.FU_A -> fuA(b, offset, length);
            default -> throw new MalformedPacketException("H.264 NAL type " + type
                    + " is not allowed in packetization mode 1");
        };
    }

    @Override
    public Dimensions dimensions(byte[] keyFrame) {
        return H264AccessUnit.describe(keyFrame).dimensions();
    }

    private static Fragment stapA(byte[] b, int offset, int length) throws MalformedPacketException {
        int end = offset + length;
        int pos = offset + 1;
        if (pos == end) {
            throw new MalformedPacketException("STAP-A without NAL units");
        }
        // First pass validates and sizes, second copies: one exact allocation.
        int outLength = 0;
        boolean idr = false;
        while (pos < end) {
            if (pos + STAP_A_SIZE_LENGTH > end) {
                throw new MalformedPacketException("STAP-A truncated in a NAL size field");
            }
            int size = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
            pos += STAP_A_SIZE_LENGTH;
            if (size == 0 || size > end - pos) {
                throw new MalformedPacketException("STAP-A NAL size " + size + " with " + (end - pos)
                        + " bytes left");
            }
            checkForbiddenBit(b[pos]);
            int type = NalUnitTypes.of(b[pos]);
            if (!NalUnitTypes.isCodecNal(type)) {
                throw new MalformedPacketException("STAP-A holding NAL type " + type);
            }
            idr |= type == NalUnitTypes.IDR;
            outLength += START_CODE.length + size;
            pos += size;
        }
        byte[] data = new byte[outLength];
        int out = 0;
        for (pos = offset + 1; pos < end; ) {
            int size = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
            pos += STAP_A_SIZE_LENGTH;
            System.arraycopy(START_CODE, 0, data, out, START_CODE.length);
            System.arraycopy(b, pos, data, out + START_CODE.length, size);
            out += START_CODE.length + size;
            pos += size;
        }
        return new Fragment(data, startOf(NalUnitTypes.of(b[offset + 1 + STAP_A_SIZE_LENGTH])), idr);
    }

    private static Fragment fuA(byte[] b, int offset, int length) throws MalformedPacketException {
        if (length <= FU_A_HEADER_LENGTH) {
            throw new MalformedPacketException("FU-A of " + length + " bytes carries no fragment");
        }
        int indicator = b[offset] & 0xFF;
        int header = b[offset + 1] & 0xFF;
        boolean start = (header & 0x80) != 0;
        boolean end = (header & 0x40) != 0;
        int type = header & 0x1F;
        if (start && end) {
            throw new MalformedPacketException("FU-A with both start and end bits");
        }
        if (!NalUnitTypes.isCodecNal(type)) {
            throw new MalformedPacketException("FU-A fragmenting NAL type " + type);
        }
        int fragmentLength = length - FU_A_HEADER_LENGTH;
        if (!start) {
            // Only the start rebuilds the NAL header, so only it shows an IDR: a later fragment whose
            // start is not in the frame would add its bytes to another NAL unit, not an IDR slice.
            byte[] data = new byte[fragmentLength];
            System.arraycopy(b, offset + FU_A_HEADER_LENGTH, data, 0, fragmentLength);
            return new Fragment(data, FrameStart.NO, false);
        }
        byte[] data = new byte[START_CODE.length + 1 + fragmentLength];
        System.arraycopy(START_CODE, 0, data, 0, START_CODE.length);
        data[START_CODE.length] = (byte) ((indicator & 0xE0) | type);
        System.arraycopy(b, offset + FU_A_HEADER_LENGTH, data, START_CODE.length + 1, fragmentLength);
        return new Fragment(data, startOf(type), type == NalUnitTypes.IDR);
    }

    private static FrameStart startOf(int firstNalType) {
        return firstNalType == NalUnitTypes.SPS || firstNalType == NalUnitTypes.ACCESS_UNIT_DELIMITER
                ? FrameStart.CERTAIN : FrameStart.POSSIBLE;
    }

    private static void checkForbiddenBit(byte header) throws MalformedPacketException {
        if ((header & 0x80) != 0) {
            throw new MalformedPacketException("H.264 NAL header with the forbidden bit set");
        }
    }
}
