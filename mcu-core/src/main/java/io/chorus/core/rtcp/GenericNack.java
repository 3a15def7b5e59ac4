package io.chorus.core.rtcp;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;

import java.util.ArrayList;
import java.util.List;

/**
 * Generic NACK, RTPFB (PT=205) with FMT=1 (RFC 4585 section 6.2.1). Each 4-byte FCI item names a lost
 * packet ID (PID) and a bitmask of following lost packets (BLP): bit i set means PID+i+1 is lost too.
 * <pre>
 * |            PID                |             BLP               |
 * </pre>
 * The writer packs the sequence numbers in the order given, folding each into the current item when it
 * lies 1..16 ahead of that item's PID modulo 2^16 and beyond the bits already set there, so runs across
 * 65535 -> 0 share an item. The parser expands items back in PID-then-bit order, which reproduces the
 * list in its order: ascending (wrap-aware) lists take the fewest items, any other order takes more.
 *
 * @param lostSequenceNumbers 16-bit RTP sequence numbers of lost packets, at least one; a number repeated
 *                            (as overlapping items on the wire may repeat it) is kept only where it first
 *                            appears, so what is written parses back to the same list
 */
public record GenericNack(long senderSsrc, long mediaSsrc, List<Integer> lostSequenceNumbers) implements RtcpPacket {

    private static final int ITEM_LENGTH = 4;
    private static final int BLP_BITS = 16;

    public GenericNack {
        RtcpHeader.requireUint32(senderSsrc, "sender SSRC");
        RtcpHeader.requireUint32(mediaSsrc, "media SSRC");
        lostSequenceNumbers = List.copyOf(lostSequenceNumbers);
        if (lostSequenceNumbers.isEmpty()) {
            throw new IllegalArgumentException("NACK needs at least one lost sequence number");
        }
        for (int sequenceNumber : lostSequenceNumbers) {
            RtcpHeader.requireUint16(sequenceNumber, "NACK sequence number");
        }
        lostSequenceNumbers = lostSequenceNumbers.stream().distinct().toList();
    }

    /** {@code offset}/{@code length} span the feedback body: the two common SSRCs, then the FCI. */
    static GenericNack parse(byte[] buf, int offset, int length) throws MalformedPacketException {
        int fciLength = length - RtcpHeader.FEEDBACK_COMMON_LENGTH;
        if (fciLength <= 0 || fciLength % ITEM_LENGTH != 0) {
            throw new MalformedPacketException("NACK FCI of " + fciLength + " bytes is not a positive multiple of "
                    + ITEM_LENGTH);
        }
        List<Integer> lost = new ArrayList<>();
        for (int pos = offset + RtcpHeader.FEEDBACK_COMMON_LENGTH; pos < offset + length; pos += ITEM_LENGTH) {
            int pid = RtpPacket.readUint16(buf, pos);
            int blp = RtpPacket.readUint16(buf, pos + 2);
            lost.add(pid);
            for (int bit = 0; bit < BLP_BITS; bit++) {
                if ((blp & (1 << bit)) != 0) {
                    lost.add((pid + bit + 1) & 0xFFFF);
                }
            }
        }
        return new GenericNack(RtpPacket.readUint32(buf, offset), RtpPacket.readUint32(buf, offset + 4), lost);
    }

    @Override
    public int length() {
        return RtcpHeader.LENGTH + RtcpHeader.FEEDBACK_COMMON_LENGTH + packItems(null, 0) * ITEM_LENGTH;
    }

    @Override
    public int writeTo(byte[] buf, int offset) {
        int length = length();
        int pos = offset + RtcpHeader.writeFeedback(buf, offset, RtcpHeader.FMT_NACK, RtcpHeader.RTPFB, length,
                senderSsrc, mediaSsrc);
        packItems(buf, pos);
        return length;
    }

    /** Packs PID/BLP items into {@code buf} at {@code offset}, or only counts them when {@code buf} is null. */
    private int packItems(byte[] buf, int offset) {
        int items = 0;
        int pid = -1;
        int blp = 0;
        for (int sequenceNumber : lostSequenceNumbers) {
            int ahead = pid < 0 ? -1 : (sequenceNumber - pid) & 0xFFFF;
            // Only past the highest bit set so far: the parser reads the bits in ascending order.
            int highest = Integer.SIZE - Integer.numberOfLeadingZeros(blp);
            if (ahead > highest && ahead <= BLP_BITS) {
                blp |= 1 << (ahead - 1);
                continue;
            }
            if (pid >= 0) {
                writeItem(buf, offset + (items - 1) * ITEM_LENGTH, pid, blp);
            }
            items++;
            pid = sequenceNumber;
            blp = 0;
        }
        writeItem(buf, offset + (items - 1) * ITEM_LENGTH, pid, blp);
        return items;
    }

    private static void writeItem(byte[] buf, int offset, int pid, int blp) {
        if (buf != null) {
            RtpPacket.writeUint16(buf, offset, pid);
            RtpPacket.writeUint16(buf, offset + 2, blp);
        }
    }
}
