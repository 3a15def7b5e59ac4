package io.chorus.core.rtcp;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;

import java.util.List;

/**
 * Packet status chunks of transport-cc feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01
 * section 3.1.3/3.1.4), translated to and from one status symbol per packet.
 * <pre>
 * run length:        |0|S S|       run length (13 bits)      |
 * 1-bit vector:      |1|0|  14 symbols of 1 bit              |
 * 2-bit vector:      |1|1|  7 symbols of 2 bits              |
 * </pre>
 */
final class TransportCcChunks {
    static final int NOT_RECEIVED = 0;
    static final int SMALL_DELTA = 1;
    static final int LARGE_DELTA = 2;
    private static final int RESERVED = 3;

    private static final int CHUNK_LENGTH = 2;
    private static final int MAX_RUN_LENGTH = 0x1FFF;
    private static final int ONE_BIT_CAPACITY = 14;
    private static final int TWO_BIT_CAPACITY = 7;

    private TransportCcChunks() {
    }

    /**
     * Reads chunks from {@code offset} until {@code symbols} is filled; returns the offset after the last
     * chunk. A final chunk may describe more packets than remain; the excess is ignored.
     */
    static int read(byte[] buf, int offset, int end, int[] symbols) throws MalformedPacketException {
        int pos = offset;
        int filled = 0;
        while (filled < symbols.length) {
            if (end - pos < CHUNK_LENGTH) {
                throw new MalformedPacketException("transport-cc status chunks stop after " + filled + " of "
                        + symbols.length + " packets");
            }
            int chunk = RtpPacket.readUint16(buf, pos);
            pos += CHUNK_LENGTH;
            if ((chunk & 0x8000) == 0) {
                int symbol = requireDefined((chunk >>> 13) & 0x3);
                int run = Math.min(chunk & MAX_RUN_LENGTH, symbols.length - filled);
                for (int i = 0; i < run; i++) {
                    symbols[filled++] = symbol;
                }
            } else if ((chunk & 0x4000) == 0) {
                for (int i = 0; i < ONE_BIT_CAPACITY && filled < symbols.length; i++) {
                    symbols[filled++] = (chunk >>> (ONE_BIT_CAPACITY - 1 - i)) & 0x1;
                }
            } else {
                for (int i = 0; i < TWO_BIT_CAPACITY && filled < symbols.length; i++) {
                    symbols[filled++] = requireDefined((chunk >>> (2 * (TWO_BIT_CAPACITY - 1 - i))) & 0x3);
                }
            }
        }
        return pos;
    }

    private static int requireDefined(int symbol) throws MalformedPacketException {
        if (symbol == RESERVED) {
            throw new MalformedPacketException("transport-cc status symbol 3 is reserved");
        }
        return symbol;
    }

    /**
     * Encodes the packets' status symbols into chunks at {@code offset}, or only measures when {@code buf} is
     * null; returns the bytes used. A run of identical symbols that ends the list or fills a 1-bit vector goes
     * into a run-length chunk; otherwise the densest vector that can hold the next symbols is used.
     */
    static int write(List<TransportCcFeedback.Packet> packets, byte[] buf, int offset) {
        int pos = offset;
        int i = 0;
        int count = packets.size();
        while (i < count) {
            int symbol = packets.get(i).statusSymbol();
            int run = runLength(packets, i);
            int chunk;
            int consumed;
            if (run == count - i || run >= ONE_BIT_CAPACITY) {
                chunk = (symbol << 13) | run;
                consumed = run;
            } else if (fitsOneBit(packets, i)) {
                chunk = 0x8000;
                consumed = Math.min(ONE_BIT_CAPACITY, count - i);
                for (int k = 0; k < consumed; k++) {
                    chunk |= packets.get(i + k).statusSymbol() << (ONE_BIT_CAPACITY - 1 - k);
                }
            } else {
                chunk = 0xC000;
                consumed = Math.min(TWO_BIT_CAPACITY, count - i);
                for (int k = 0; k < consumed; k++) {
                    chunk |= packets.get(i + k).statusSymbol() << (2 * (TWO_BIT_CAPACITY - 1 - k));
                }
            }
            if (buf != null) {
                RtpPacket.writeUint16(buf, pos, chunk);
            }
            pos += CHUNK_LENGTH;
            i += consumed;
        }
        return pos - offset;
    }

    private static int runLength(List<TransportCcFeedback.Packet> packets, int from) {
        int symbol = packets.get(from).statusSymbol();
        int run = 1;
        while (from + run < packets.size() && run < MAX_RUN_LENGTH
                && packets.get(from + run).statusSymbol() == symbol) {
            run++;
        }
        return run;
    }

    private static boolean fitsOneBit(List<TransportCcFeedback.Packet> packets, int from) {
        int end = Math.min(from + ONE_BIT_CAPACITY, packets.size());
        for (int k = from; k < end; k++) {
            if (packets.get(k).statusSymbol() == LARGE_DELTA) {
                return false;
            }
        }
        return true;
    }
}
