package io.chorus.core.srtp;

import io.chorus.core.rtp.RtpPacket;
import java.util.Objects;

/**
 * SRTP and SRTCP for one direction of one DTLS-SRTP association: built from our master key it
 * protects what we send, built from the peer's it unprotects what we receive. Never use one
 * context for both: the replay windows would see our own packets as replays.
 *
 * <p>Per-SSRC state (highest index and replay window, separately for SRTP and SRTCP) is created
 * when an SSRC's first packet is processed successfully. On the receive side that means only
 * authenticated packets create state, so forged traffic with random SSRCs cannot grow it.
 *
 * <p>Every method either succeeds and advances that state, or throws {@link SrtpException} and
 * leaves both the state and the packet bytes as they were.
 *
 * <p><b>Not thread-safe.</b> The cipher instances and scratch buffers are reused for every packet,
 * so a context must be confined to one thread: the protect context to the sending thread, the
 * unprotect context to the receiving thread.
 */
public final class SrtpContext {
    /** RFC 3711 section 3.3.1: the sender must re-key before the 31-bit SRTCP index repeats. */
    private static final long MAX_SRTCP_INDEX = 0x7FFFFFFFL;
    /** libsrtp starts SRTCP at 1, so our first packet matches what its senders put on the wire. */
    private static final int FIRST_SRTCP_INDEX = 1;
    private static final int RTCP_HEADER_LENGTH = 8;
    private static final int HALF_SEQUENCE_SPACE = 1 << 15;

    private final SrtpProfile profile;
    private final SrtpTransform srtp;
    private final SrtpTransform srtcp;
    private final ReplayWindowsBySsrc rtpWindows = new ReplayWindowsBySsrc();
    private final ReplayWindowsBySsrc rtcpWindows = new ReplayWindowsBySsrc();

    /**
     * @throws IllegalArgumentException if the key or salt length does not match {@code profile}
     */
    public SrtpContext(SrtpProfile profile, SrtpMasterKey masterKey) {
        this(profile, SrtpKeyDerivation.srtpKeys(profile, masterKey), SrtpKeyDerivation.srtcpKeys(profile, masterKey));
    }

    SrtpContext(SrtpProfile profile, SessionKeys srtpKeys, SessionKeys srtcpKeys) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.srtp = SrtpTransform.create(profile, srtpKeys);
        this.srtcp = SrtpTransform.create(profile, srtcpKeys);
    }

    public SrtpProfile profile() {
        return profile;
    }

    /**
     * Encrypts the payload of the RTP packet in {@code packet[offset, offset + length)} and appends
     * the tag; {@link SrtpProfile#rtpOverhead()} bytes must be free after it.
     *
     * @return the SRTP packet length
     * @throws SrtpException MALFORMED for a bad RTP header; REPLAYED or TOO_OLD if this SSRC and
     *         sequence number already went out (resend the protected bytes instead: re-encrypting
     *         under a used index would reuse keystream)
     */
    public int protectRtp(byte[] packet, int offset, int length) throws SrtpException {
        checkRoom(packet, offset, length, profile.rtpOverhead());
        int headerLength = rtpHeaderLength(packet, offset, length);
        int ssrc = (int) RtpPacket.readUint32(packet, offset + 8);
        ReplayWindow window = rtpWindows.get(ssrc);
        long index = rtpIndex(window, RtpPacket.readUint16(packet, offset + 2));
        int protectedLength = srtp.protectRtp(packet, offset, length, headerLength, ssrc, index);
        record(rtpWindows, window, ssrc, index);
        return protectedLength;
    }

    /**
     * Verifies and decrypts the SRTP packet in {@code packet[offset, offset + length)}.
     *
     * @return the RTP packet length (the tag removed)
     */
    public int unprotectRtp(byte[] packet, int offset, int length) throws SrtpException {
        Objects.checkFromIndexSize(offset, length, packet.length);
        int headerLength = rtpHeaderLength(packet, offset, length);
        if (length < headerLength + profile.rtpOverhead()) {
            throw new SrtpException(SrtpException.Reason.MALFORMED,
                    "SRTP packet of " + length + " bytes has no room for a tag after its " + headerLength
                            + "-byte header");
        }
        int ssrc = (int) RtpPacket.readUint32(packet, offset + 8);
        ReplayWindow window = rtpWindows.get(ssrc);
        long index = rtpIndex(window, RtpPacket.readUint16(packet, offset + 2));
        int plainLength = srtp.unprotectRtp(packet, offset, length, headerLength, ssrc, index);
        record(rtpWindows, window, ssrc, index);
        return plainLength;
    }

    /**
     * Encrypts everything after the first 8 bytes of the (compound) RTCP packet and appends the
     * SRTCP index word and tag; {@link SrtpProfile#rtcpOverhead()} bytes must be free after it.
     *
     * @return the SRTCP packet length
     * @throws IllegalStateException if this SSRC used up the 31-bit SRTCP index space (re-key)
     */
    public int protectRtcp(byte[] packet, int offset, int length) throws SrtpException {
        checkRoom(packet, offset, length, profile.rtcpOverhead());
        checkRtcpHeader(packet, offset, length, RTCP_HEADER_LENGTH);
        int ssrc = (int) RtpPacket.readUint32(packet, offset + 4);
        ReplayWindow window = rtcpWindows.get(ssrc);
        long index = window == null ? FIRST_SRTCP_INDEX : window.highest() + 1;
        if (index > MAX_SRTCP_INDEX) {
            throw new IllegalStateException("SRTCP index space of SSRC " + Integer.toUnsignedString(ssrc)
                    + " is exhausted; the session must be re-keyed");
        }
        int protectedLength = srtcp.protectRtcp(packet, offset, length, ssrc, (int) index);
        record(rtcpWindows, window, ssrc, index);
        return protectedLength;
    }

    /**
     * Verifies and, if its E flag is set, decrypts the SRTCP packet in
     * {@code packet[offset, offset + length)}.
     *
     * @return the RTCP packet length (index word and tag removed)
     */
    public int unprotectRtcp(byte[] packet, int offset, int length) throws SrtpException {
        Objects.checkFromIndexSize(offset, length, packet.length);
        checkRtcpHeader(packet, offset, length, RTCP_HEADER_LENGTH + profile.rtcpOverhead());
        int ssrc = (int) RtpPacket.readUint32(packet, offset + 4);
        int indexWord = (int) RtpPacket.readUint32(packet, offset + srtcp.srtcpIndexWordPosition(length));
        long index = indexWord & MAX_SRTCP_INDEX;
        ReplayWindow window = rtcpWindows.get(ssrc);
        if (window != null) {
            window.check(index);
        }
        int plainLength = srtcp.unprotectRtcp(packet, offset, length, ssrc, indexWord);
        record(rtcpWindows, window, ssrc, index);
        return plainLength;
    }

    /**
     * The 48-bit packet index (ROC << 16 | SEQ) of a packet, guessed from the highest index seen as
     * in RFC 3711 section 3.3.1 and Appendix A; checked against the replay window. Both sides use
     * the same guess, so a sender that emits a late sequence number after a wrap keeps the
     * pre-wrap ROC for it, exactly as the receiver will assume.
     */
    private static long rtpIndex(ReplayWindow window, int seq) throws SrtpException {
        if (window == null) {
            return seq;
        }
        long highest = window.highest();
        long roc = highest >>> 16;
        int highestSeq = (int) (highest & 0xFFFF);
        long guessedRoc;
        if (highestSeq < HALF_SEQUENCE_SPACE) {
            guessedRoc = seq - highestSeq > HALF_SEQUENCE_SPACE ? roc - 1 : roc;
        } else {
            guessedRoc = highestSeq - HALF_SEQUENCE_SPACE > seq ? roc + 1 : roc;
        }
        long index = (guessedRoc << 16) | seq;
        window.check(index);
        return index;
    }

    private static void record(ReplayWindowsBySsrc windows, ReplayWindow window, int ssrc, long index) {
        if (window == null) {
            windows.add(ssrc, new ReplayWindow(index));
        } else {
            window.accept(index);
        }
    }

    /** Header length per RFC 3550 section 5.1: fixed part, CSRCs and the optional extension. */
    private static int rtpHeaderLength(byte[] packet, int offset, int length) throws SrtpException {
        if (length < RtpPacket.FIXED_HEADER_LENGTH) {
            throw new SrtpException(SrtpException.Reason.MALFORMED, "RTP packet of " + length + " bytes");
        }
        int first = packet[offset] & 0xFF;
        if ((first >>> 6) != 2) {
            throw new SrtpException(SrtpException.Reason.MALFORMED, "RTP version " + (first >>> 6));
        }
        int headerLength = RtpPacket.FIXED_HEADER_LENGTH + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) {
            if (length < headerLength + 4) {
                throw new SrtpException(SrtpException.Reason.MALFORMED, "RTP header extension truncated");
            }
            headerLength += 4 + 4 * RtpPacket.readUint16(packet, offset + headerLength + 2);
        }
        if (headerLength > length) {
            throw new SrtpException(SrtpException.Reason.MALFORMED,
                    "RTP header of " + headerLength + " bytes in a packet of " + length);
        }
        return headerLength;
    }

    private static void checkRtcpHeader(byte[] packet, int offset, int length, int minimumLength)
            throws SrtpException {
        if (length < minimumLength) {
            throw new SrtpException(SrtpException.Reason.MALFORMED,
                    "RTCP packet of " + length + " bytes, need at least " + minimumLength);
        }
        if ((packet[offset] & 0xC0) != 0x80) {
            throw new SrtpException(SrtpException.Reason.MALFORMED,
                    "RTCP version " + ((packet[offset] & 0xFF) >>> 6));
        }
    }

    private static void checkRoom(byte[] packet, int offset, int length, int overhead) {
        Objects.checkFromIndexSize(offset, length, packet.length);
        if (packet.length - offset - length < overhead) {
            throw new IllegalArgumentException("need " + overhead + " free bytes after the packet, have "
                    + (packet.length - offset - length));
        }
    }
}
