package io.chorus.core.rtcp;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RTCP goodbye, PT=203 (RFC 3550 section 6.6): SC SSRC/CSRC identifiers, then optionally a reason
 * (length octet + UTF-8 text) padded with zeros to a 32-bit boundary.
 *
 * @param reason why the sources leave, or null when absent
 */
public record Bye(List<Long> ssrcs, String reason) implements RtcpPacket {

    public Bye {
        ssrcs = List.copyOf(ssrcs);
        RtcpHeader.requireCount(ssrcs.size(), "BYE SSRC");
        for (long ssrc : ssrcs) {
            RtcpHeader.requireUint32(ssrc, "BYE SSRC");
        }
        if (reason != null) {
            RtcpText.encode(reason, "BYE reason");
        }
    }

    static Bye parse(byte[] buf, int offset, int length, int count) throws MalformedPacketException {
        if (length < count * 4) {
            throw new MalformedPacketException("BYE with " + count + " SSRCs has only " + length + " body bytes");
        }
        List<Long> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(RtpPacket.readUint32(buf, offset + i * 4));
        }
        int remaining = length - count * 4;
        String reason = null;
        if (remaining > 0) {
            int reasonStart = offset + count * 4;
            int reasonLength = buf[reasonStart] & 0xFF;
            if (1 + reasonLength > remaining) {
                throw new MalformedPacketException("BYE reason of " + reasonLength + " bytes runs past the packet");
            }
            if (remaining - 1 - reasonLength >= 4) {
                throw new MalformedPacketException("BYE has " + (remaining - 1 - reasonLength)
                        + " bytes after its reason");
            }
            reason = RtcpText.decode(buf, reasonStart + 1, reasonLength, "BYE reason");
        }
        return new Bye(ssrcs, reason);
    }

    private int reasonFieldLength() {
        return reason == null ? 0 : RtcpHeader.alignTo4(1 + RtcpText.encode(reason, "BYE reason").length);
    }

    @Override
    public int length() {
        return RtcpHeader.LENGTH + ssrcs.size() * 4 + reasonFieldLength();
    }

    @Override
    public int writeTo(byte[] buf, int offset) {
        int length = length();
        RtcpHeader.write(buf, offset, ssrcs.size(), RtcpHeader.BYE, length);
        int pos = offset + RtcpHeader.LENGTH;
        for (long ssrc : ssrcs) {
            RtpPacket.writeUint32(buf, pos, ssrc);
            pos += 4;
        }
        if (reason != null) {
            byte[] text = RtcpText.encode(reason, "BYE reason");
            buf[pos] = (byte) text.length;
            System.arraycopy(text, 0, buf, pos + 1, text.length);
            Arrays.fill(buf, pos + 1 + text.length, offset + length, (byte) 0);
        }
        return length;
    }
}
