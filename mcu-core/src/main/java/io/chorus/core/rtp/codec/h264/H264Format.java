package io.chorus.core.rtp.codec.h264;

import java.io.ByteArrayOutputStream;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.codec.VideoPayloadFormat;

/**
 * H.264 over RTP in packetization mode 1 (RFC 6184): single NAL unit packets (types 1-23),
 * STAP-A aggregates (24) and FU-A fragments (28). Each packet's NAL units are written in Annex B
 * form (start code + NAL), so the fragments of an access unit concatenate into a byte stream a
 * decoder takes directly.
 */
public final class H264Format implements VideoPayloadFormat {
    static final byte[] START_CODE = {0, 0, 0, 1};
    static final int STAP_A = 24;
    static final int FU_A = 28;
    static final int IDR = 5;

    @Override
    public Fragment parse(byte[] b, int offset, int length) throws MalformedPacketException {
        if (length < 1) {
            throw new MalformedPacketException("empty H.264 payload");
        }
        int type = b[offset] & 0x1F;
        if ((b[offset] & 0x80) != 0) {
            throw new MalformedPacketException("H.264 NAL header with the forbidden bit set");
        }
        if (type >= 1 && type <= 23) {
            return new Fragment(annexB(b, offset, length), true);
        }
        if (type == STAP_A) {
            return new Fragment(stapA(b, offset, length), true);
        }
        if (type == FU_A) {
            return fuA(b, offset, length);
        }
        throw new MalformedPacketException("H.264 NAL type " + type + " is not allowed in packetization mode 1");
    }

    private static byte[] annexB(byte[] b, int offset, int length) {
        byte[] out = new byte[START_CODE.length + length];
        System.arraycopy(START_CODE, 0, out, 0, START_CODE.length);
        System.arraycopy(b, offset, out, START_CODE.length, length);
        return out;
    }

    private static byte[] stapA(byte[] b, int offset, int length) throws MalformedPacketException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 16);
        int pos = offset + 1;
        int end = offset + length;
        if (pos >= end) {
            throw new MalformedPacketException("STAP-A without NAL units");
        }
        while (pos < end) {
            if (pos + 2 > end) {
                throw new MalformedPacketException("STAP-A truncated in a NAL size field");
            }
            int size = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
            pos += 2;
            if (size == 0 || pos + size > end) {
                throw new MalformedPacketException("STAP-A NAL size " + size + " overruns the packet");
            }
            out.writeBytes(START_CODE);
            out.write(b, pos, size);
            pos += size;
        }
        return out.toByteArray();
    }

    private static Fragment fuA(byte[] b, int offset, int length) throws MalformedPacketException {
        if (length < 3) {
            throw new MalformedPacketException("FU-A of " + length + " bytes has no payload");
        }
        int indicator = b[offset] & 0xFF;
        int header = b[offset + 1] & 0xFF;
        boolean start = (header & 0x80) != 0;
        boolean end = (header & 0x40) != 0;
        if (start && end) {
            throw new MalformedPacketException("FU-A with both start and end bits");
        }
        if (!start) {
            byte[] data = new byte[length - 2];
            System.arraycopy(b, offset + 2, data, 0, data.length);
            return new Fragment(data, false);
        }
        byte[] data = new byte[START_CODE.length + 1 + length - 2];
        System.arraycopy(START_CODE, 0, data, 0, START_CODE.length);
        data[START_CODE.length] = (byte) ((indicator & 0xE0) | (header & 0x1F));
        System.arraycopy(b, offset + 2, data, START_CODE.length + 1, length - 2);
        return new Fragment(data, true);
    }

    /** An access unit is a key frame when it holds an IDR slice. */
    @Override
    public boolean isKeyFrame(byte[] frame) {
        for (NalUnits.Span nal : NalUnits.split(frame)) {
            if ((frame[nal.offset()] & 0x1F) == IDR) {
                return true;
            }
        }
        return false;
    }

    /** Dimensions would need the SPS's Exp-Golomb fields; the decoder reports them instead. */
    @Override
    public int[] dimensions(byte[] frame) {
        return new int[] {0, 0};
    }
}
