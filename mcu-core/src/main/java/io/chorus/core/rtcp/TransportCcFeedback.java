package io.chorus.core.rtcp;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Transport-wide congestion control feedback, RTPFB (PT=205) with FMT=15
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01 section 3.1). FCI:
 * <pre>
 * |      base sequence number     |      packet status count      |
 * |                 reference time                | fb pkt. count |
 * |          packet chunk         |         packet chunk          |
 * .  ...                                                          .
 * |  recv delta   |  recv delta   | ...          zero padding     |
 * </pre>
 * Packet status chunks are 16 bits: a run-length chunk (bit 15 = 0: 2-bit symbol, 13-bit run length) or a
 * status vector (bit 15 = 1; bit 14 = 0: fourteen 1-bit symbols, = 1: seven 2-bit symbols). Symbols: 0 not
 * received, 1 received with a 1-byte unsigned delta, 2 received with a 2-byte signed delta; deltas count
 * 250 microseconds and follow all chunks, one per received packet, in order.
 *
 * @param referenceTime       raw 24-bit reference time field, in multiples of 64 ms (it wraps)
 * @param feedbackPacketCount 8-bit counter of feedback packets sent
 * @param packets             one entry per reported sequence number, base first, consecutive modulo 2^16
 */
public record TransportCcFeedback(long senderSsrc, long mediaSsrc, int baseSequenceNumber, int packetStatusCount,
        int referenceTime, int feedbackPacketCount, List<Packet> packets) implements RtcpPacket {

    static final int DELTA_UNIT_MICROS = 250;
    private static final int FIXED_FCI_LENGTH = 8;

    /**
     * @param arrivalDeltaMicros arrival time minus that of the previous received packet (the reference time
     *                           for the first); 0 when not received. Written in 250 us units, rounded down.
     */
    public record Packet(int sequenceNumber, boolean received, long arrivalDeltaMicros) {
        public Packet {
            RtcpHeader.requireUint16(sequenceNumber, "transport-cc sequence number");
            if (!received && arrivalDeltaMicros != 0) {
                throw new IllegalArgumentException("packet " + sequenceNumber + " not received but has a delta");
            }
            long units = Math.floorDiv(arrivalDeltaMicros, DELTA_UNIT_MICROS);
            if (units < Short.MIN_VALUE || units > Short.MAX_VALUE) {
                throw new IllegalArgumentException("delta " + arrivalDeltaMicros + " us does not fit 16 bits of "
                        + DELTA_UNIT_MICROS + " us");
            }
        }

        int deltaUnits() {
            return (int) Math.floorDiv(arrivalDeltaMicros, DELTA_UNIT_MICROS);
        }

        int statusSymbol() {
            if (!received) {
                return TransportCcChunks.NOT_RECEIVED;
            }
            int units = deltaUnits();
            return units >= 0 && units <= 0xFF ? TransportCcChunks.SMALL_DELTA : TransportCcChunks.LARGE_DELTA;
        }
    }

    public TransportCcFeedback {
        RtcpHeader.requireUint32(senderSsrc, "sender SSRC");
        RtcpHeader.requireUint32(mediaSsrc, "media SSRC");
        RtcpHeader.requireUint16(baseSequenceNumber, "base sequence number");
        RtcpHeader.requireUint16(packetStatusCount, "packet status count");
        if (referenceTime < 0 || referenceTime > 0xFFFFFF) {
            throw new IllegalArgumentException("reference time " + referenceTime + " is not 24-bit");
        }
        if (feedbackPacketCount < 0 || feedbackPacketCount > 0xFF) {
            throw new IllegalArgumentException("feedback packet count " + feedbackPacketCount + " is not 8-bit");
        }
        packets = List.copyOf(packets);
        if (packets.size() != packetStatusCount) {
            throw new IllegalArgumentException("packet status count " + packetStatusCount + " but "
                    + packets.size() + " packets");
        }
        for (int i = 0; i < packets.size(); i++) {
            if (packets.get(i).sequenceNumber() != ((baseSequenceNumber + i) & 0xFFFF)) {
                throw new IllegalArgumentException("packet " + i + " has sequence number "
                        + packets.get(i).sequenceNumber() + ", expected base + " + i);
            }
        }
    }

    /** {@code offset}/{@code length} span the feedback body: the two common SSRCs, then the FCI. */
    static TransportCcFeedback parse(byte[] buf, int offset, int length) throws MalformedPacketException {
        int fci = offset + RtcpHeader.FEEDBACK_COMMON_LENGTH;
        int end = offset + length;
        if (end - fci < FIXED_FCI_LENGTH) {
            throw new MalformedPacketException("transport-cc FCI of " + (end - fci) + " bytes is shorter than "
                    + FIXED_FCI_LENGTH);
        }
        int base = RtpPacket.readUint16(buf, fci);
        int count = RtpPacket.readUint16(buf, fci + 2);
        long word = RtpPacket.readUint32(buf, fci + 4);
        int[] symbols = new int[count];
        int pos = TransportCcChunks.read(buf, fci + FIXED_FCI_LENGTH, end, symbols);
        List<Packet> packets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int sequenceNumber = (base + i) & 0xFFFF;
            int symbol = symbols[i];
            if (symbol == TransportCcChunks.NOT_RECEIVED) {
                packets.add(new Packet(sequenceNumber, false, 0));
                continue;
            }
            int deltaBytes = symbol == TransportCcChunks.SMALL_DELTA ? 1 : 2;
            if (end - pos < deltaBytes) {
                throw new MalformedPacketException("transport-cc delta for sequence number " + sequenceNumber
                        + " runs past the packet");
            }
            int units = deltaBytes == 1 ? buf[pos] & 0xFF : (short) RtpPacket.readUint16(buf, pos);
            pos += deltaBytes;
            packets.add(new Packet(sequenceNumber, true, (long) units * DELTA_UNIT_MICROS));
        }
        if (end - pos >= 4) {
            throw new MalformedPacketException("transport-cc has " + (end - pos) + " bytes after its deltas");
        }
        return new TransportCcFeedback(RtpPacket.readUint32(buf, offset), RtpPacket.readUint32(buf, offset + 4),
                base, count, (int) (word >>> 8), (int) (word & 0xFF), packets);
    }

    private int[] symbols() {
        int[] symbols = new int[packets.size()];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = packets.get(i).statusSymbol();
        }
        return symbols;
    }

    private int deltasLength(int[] symbols) {
        int length = 0;
        for (int symbol : symbols) {
            length += symbol == TransportCcChunks.LARGE_DELTA ? 2 : symbol;
        }
        return length;
    }

    @Override
    public int length() {
        int[] symbols = symbols();
        int unpadded = RtcpHeader.LENGTH + RtcpHeader.FEEDBACK_COMMON_LENGTH + FIXED_FCI_LENGTH
                + TransportCcChunks.write(symbols, null, 0) + deltasLength(symbols);
        return RtcpHeader.alignTo4(unpadded);
    }

    @Override
    public int writeTo(byte[] buf, int offset) {
        int length = length();
        int pos = offset + RtcpHeader.writeFeedback(buf, offset, RtcpHeader.FMT_TRANSPORT_CC, RtcpHeader.RTPFB,
                length, senderSsrc, mediaSsrc);
        RtpPacket.writeUint16(buf, pos, baseSequenceNumber);
        RtpPacket.writeUint16(buf, pos + 2, packetStatusCount);
        RtpPacket.writeUint32(buf, pos + 4, ((long) referenceTime << 8) | feedbackPacketCount);
        pos += FIXED_FCI_LENGTH;
        int[] symbols = symbols();
        pos += TransportCcChunks.write(symbols, buf, pos);
        for (int i = 0; i < symbols.length; i++) {
            int units = packets.get(i).deltaUnits();
            if (symbols[i] == TransportCcChunks.SMALL_DELTA) {
                buf[pos++] = (byte) units;
            } else if (symbols[i] == TransportCcChunks.LARGE_DELTA) {
                RtpPacket.writeUint16(buf, pos, units & 0xFFFF);
                pos += 2;
            }
        }
        Arrays.fill(buf, pos, offset + length, (byte) 0);
        return length;
    }
}
