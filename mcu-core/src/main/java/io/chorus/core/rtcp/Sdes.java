package io.chorus.core.rtcp;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RTCP source description, PT=202 (RFC 3550 section 6.5). SC chunks follow the header; each chunk is an
 * SSRC followed by items (type octet, length octet, UTF-8 text) and ends with one or more zero octets that
 * pad it to a 32-bit boundary:
 * <pre>
 * |V=2|P|    SC   |  PT=SDES=202  |             length            |
 * |                          SSRC/CSRC_1                          |
 * |  CNAME=1      |     length    | user and domain name        ...
 * |  0 (end)      |  padding to 32 bits                           |
 * </pre>
 * Only CNAME matters to us: other items are skipped on parse, and only CNAME is written.
 */
public record Sdes(List<Chunk> chunks) implements RtcpPacket {

    private static final int ITEM_END = 0;
    private static final int ITEM_CNAME = 1;

    /** @param cname the CNAME item, or null when the chunk carries none */
    public record Chunk(long ssrc, String cname) {
        public Chunk {
            RtcpHeader.requireUint32(ssrc, "SDES SSRC");
            if (cname != null) {
                RtcpText.encode(cname, "CNAME");
            }
        }

        int length() {
            int items = cname == null ? 0 : 2 + RtcpText.encode(cname, "CNAME").length;
            return RtcpHeader.alignTo4(4 + items + 1);
        }

        int writeTo(byte[] buf, int offset) {
            int length = length();
            RtpPacket.writeUint32(buf, offset, ssrc);
            int pos = offset + 4;
            if (cname != null) {
                byte[] text = RtcpText.encode(cname, "CNAME");
                buf[pos] = ITEM_CNAME;
                buf[pos + 1] = (byte) text.length;
                System.arraycopy(text, 0, buf, pos + 2, text.length);
                pos += 2 + text.length;
            }
            Arrays.fill(buf, pos, offset + length, (byte) ITEM_END);
            return length;
        }
    }

    public Sdes {
        chunks = List.copyOf(chunks);
        RtcpHeader.requireCount(chunks.size(), "SDES chunk");
    }

    static Sdes parse(byte[] buf, int offset, int length, int count) throws MalformedPacketException {
        int end = offset + length;
        int pos = offset;
        List<Chunk> chunks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (end - pos < 4) {
                throw new MalformedPacketException("SDES chunk " + i + " of " + count + " truncated");
            }
            long ssrc = RtpPacket.readUint32(buf, pos);
            pos += 4;
            String cname = null;
            while (true) {
                if (pos >= end) {
                    throw new MalformedPacketException("SDES chunk for SSRC " + ssrc + " has no end item");
                }
                int type = buf[pos] & 0xFF;
                if (type == ITEM_END) {
                    // Chunks start on 32-bit boundaries, so the end item's padding runs to the next one.
                    pos = offset + RtcpHeader.alignTo4(pos + 1 - offset);
                    if (pos > end) {
                        throw new MalformedPacketException("SDES chunk padding runs past the packet");
                    }
                    break;
                }
                if (end - pos < 2 || end - pos - 2 < (buf[pos + 1] & 0xFF)) {
                    throw new MalformedPacketException("SDES item type " + type + " runs past the packet");
                }
                int itemLength = buf[pos + 1] & 0xFF;
                if (type == ITEM_CNAME) {
                    cname = RtcpText.decode(buf, pos + 2, itemLength, "SDES CNAME");
                }
                pos += 2 + itemLength;
            }
            chunks.add(new Chunk(ssrc, cname));
        }
        if (pos != end) {
            throw new MalformedPacketException("SDES has " + (end - pos) + " bytes after its " + count + " chunks");
        }
        return new Sdes(chunks);
    }

    @Override
    public int length() {
        int length = RtcpHeader.LENGTH;
        for (Chunk chunk : chunks) {
            length += chunk.length();
        }
        return length;
    }

    @Override
    public int writeTo(byte[] buf, int offset) {
        int length = length();
        RtcpHeader.write(buf, offset, chunks.size(), RtcpHeader.SDES, length);
        int pos = offset + RtcpHeader.LENGTH;
        for (Chunk chunk : chunks) {
            pos += chunk.writeTo(buf, pos);
        }
        return length;
    }
}
