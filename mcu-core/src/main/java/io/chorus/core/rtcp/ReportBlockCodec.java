package io.chorus.core.rtcp;

import io.chorus.core.rtp.RtpPacket;

import java.util.List;

/**
 * Reads and writes the 24-byte reception report block of SR and RR (RFC 3550 section 6.4.1):
 * SSRC, fraction lost (8 bits), cumulative lost (signed 24 bits), extended highest sequence number,
 * jitter, LSR, DLSR.
 */
final class ReportBlockCodec {
    static final int LENGTH = 24;
    private static final int MAX_CUMULATIVE_LOST = 0x7FFFFF;
    private static final int MIN_CUMULATIVE_LOST = -0x800000;

    private ReportBlockCodec() {
    }

    /** Caller guarantees {@link #LENGTH} readable bytes at {@code offset}. */
    static ReportBlock read(byte[] buf, int offset) {
        int lost24 = ((buf[offset + 5] & 0xFF) << 16) | ((buf[offset + 6] & 0xFF) << 8) | (buf[offset + 7] & 0xFF);
        int cumulativeLost = (lost24 << 8) >> 8;
        return new ReportBlock(RtpPacket.readUint32(buf, offset), buf[offset + 4] & 0xFF, cumulativeLost,
                RtpPacket.readUint32(buf, offset + 8), RtpPacket.readUint32(buf, offset + 12),
                RtpPacket.readUint32(buf, offset + 16), RtpPacket.readUint32(buf, offset + 20));
    }

    static void write(ReportBlock block, byte[] buf, int offset) {
        // RFC 3550 6.4.1: a loss count that does not fit 24 bits is clamped, not wrapped.
        int lost = Math.max(MIN_CUMULATIVE_LOST, Math.min(MAX_CUMULATIVE_LOST, block.cumulativeLost()));
        RtpPacket.writeUint32(buf, offset, block.ssrc());
        buf[offset + 4] = (byte) block.fractionLost();
        buf[offset + 5] = (byte) (lost >> 16);
        buf[offset + 6] = (byte) (lost >> 8);
        buf[offset + 7] = (byte) lost;
        RtpPacket.writeUint32(buf, offset + 8, block.extendedHighestSequence());
        RtpPacket.writeUint32(buf, offset + 12, block.jitter());
        RtpPacket.writeUint32(buf, offset + 16, block.lastSenderReport());
        RtpPacket.writeUint32(buf, offset + 20, block.delaySinceLastSenderReport());
    }

    static int writeAll(List<ReportBlock> blocks, byte[] buf, int offset) {
        int pos = offset;
        for (ReportBlock block : blocks) {
            write(block, buf, pos);
            pos += LENGTH;
        }
        return pos - offset;
    }

    static List<ReportBlock> readAll(byte[] buf, int offset, int count) {
        ReportBlock[] blocks = new ReportBlock[count];
        for (int i = 0; i < count; i++) {
            blocks[i] = read(buf, offset + i * LENGTH);
        }
        return List.of(blocks);
    }
}
