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

    /** Marks a packet that did not arrive, in {@link #fromArrivals} and {@link #arrivalTimesMicros}. */
    public static final long NOT_RECEIVED = Long.MIN_VALUE;
    static final int DELTA_UNIT_MICROS = 250;
    static final long REFERENCE_TIME_UNIT_MICROS = 64_000;
    private static final int MAX_REFERENCE_TIME = 0xFFFFFF;
    private static final int FIXED_FCI_LENGTH = 8;
    /**
     * The most packets one feedback may report. Browsers send feedback every 50-100 ms, for tens to
     * a few hundred packets; the field allows 65535, which would cost a quarter of a megabyte of
     * allocation for one small packet that anybody connected can send many times a second.
     */
    static final int MAX_REPORTED_PACKETS = 4096;

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
        if (referenceTime < 0 || referenceTime > MAX_REFERENCE_TIME) {
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
        if (count > MAX_REPORTED_PACKETS) {
            throw new MalformedPacketException("transport-cc reports " + count + " packets, more than the "
                    + MAX_REPORTED_PACKETS + " accepted");
        }
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

    /**
     * Feedback on the consecutive sequence numbers from {@code baseSequenceNumber}: {@code arrivalMicros[i]} is
     * when base + i arrived, in microseconds of any one clock, or {@link #NOT_RECEIVED}. The reference time is
     * the first arrival rounded down to 64 ms. Each delta is taken between arrivals already rounded down to
     * 250 us, so the rounding never accumulates along the packet.
     *
     * @throws IllegalArgumentException when consecutive arrivals lie more than about 8 s apart, beyond a
     *                                  16-bit delta: the caller has to split them into two feedback packets
     */
    public static TransportCcFeedback fromArrivals(long senderSsrc, long mediaSsrc, int baseSequenceNumber,
            int feedbackPacketCount, long[] arrivalMicros) {
        long referenceTime = 0;
        for (long arrival : arrivalMicros) {
            if (arrival != NOT_RECEIVED) {
                referenceTime = Math.floorDiv(arrival, REFERENCE_TIME_UNIT_MICROS);
                break;
            }
        }
        long previousUnits = referenceTime * (REFERENCE_TIME_UNIT_MICROS / DELTA_UNIT_MICROS);
        List<Packet> packets = new ArrayList<>(arrivalMicros.length);
        for (int i = 0; i < arrivalMicros.length; i++) {
            int sequenceNumber = (baseSequenceNumber + i) & 0xFFFF;
            if (arrivalMicros[i] == NOT_RECEIVED) {
                packets.add(new Packet(sequenceNumber, false, 0));
                continue;
            }
            long units = Math.floorDiv(arrivalMicros[i], DELTA_UNIT_MICROS);
            long deltaUnits = units - previousUnits;
            if (deltaUnits < Short.MIN_VALUE || deltaUnits > Short.MAX_VALUE) {
                throw new IllegalArgumentException("sequence number " + sequenceNumber + " arrived "
                        + deltaUnits * DELTA_UNIT_MICROS + " us after the previous packet, beyond a 16-bit delta");
            }
            packets.add(new Packet(sequenceNumber, true, deltaUnits * DELTA_UNIT_MICROS));
            previousUnits = units;
        }
        return new TransportCcFeedback(senderSsrc, mediaSsrc, baseSequenceNumber, arrivalMicros.length,
                (int) (referenceTime & MAX_REFERENCE_TIME), feedbackPacketCount, packets);
    }

    /**
     * When each packet arrived on the feedback sender's clock, in microseconds: the reference time plus the
     * running sum of deltas, or {@link #NOT_RECEIVED}. The 24-bit reference time wraps every 2^24 x 64 ms
     * (about 12.4 days), so times from different feedback packets compare only once it is unwrapped.
     */
    public long[] arrivalTimesMicros() {
        long[] times = new long[packets.size()];
        long time = referenceTime * REFERENCE_TIME_UNIT_MICROS;
        for (int i = 0; i < times.length; i++) {
            Packet packet = packets.get(i);
            if (packet.received()) {
                time += packet.arrivalDeltaMicros();
                times[i] = time;
            } else {
                times[i] = NOT_RECEIVED;
            }
        }
        return times;
    }

    private int deltasLength() {
        int length = 0;
        for (Packet packet : packets) {
            int symbol = packet.statusSymbol();
            length += symbol == TransportCcChunks.LARGE_DELTA ? 2 : symbol;
        }
        return length;
    }

    @Override
    public int length() {
        int unpadded = RtcpHeader.LENGTH + RtcpHeader.FEEDBACK_COMMON_LENGTH + FIXED_FCI_LENGTH
                + TransportCcChunks.write(packets, null, 0) + deltasLength();
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
        pos += TransportCcChunks.write(packets, buf, pos);
        for (Packet packet : packets) {
            int symbol = packet.statusSymbol();
            if (symbol == TransportCcChunks.SMALL_DELTA) {
                buf[pos++] = (byte) packet.deltaUnits();
            } else if (symbol == TransportCcChunks.LARGE_DELTA) {
                RtpPacket.writeUint16(buf, pos, packet.deltaUnits() & 0xFFFF);
                pos += 2;
            }
        }
        Arrays.fill(buf, pos, offset + length, (byte) 0);
        return length;
    }
}
