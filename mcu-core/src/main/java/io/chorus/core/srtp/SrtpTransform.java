package io.chorus.core.srtp;

/**
 * The cryptographic half of SRTP for one set of session keys: it encrypts and authenticates a
 * packet whose index is already decided. Index bookkeeping and replay protection live in
 * {@link SrtpContext}, so each profile only has to get its packet layout right.
 *
 * <p>All methods work in place on {@code packet[offset, offset + length)}; the protect methods
 * write past {@code length} and return the new length. Offsets are absolute and already checked.
 */
sealed interface SrtpTransform permits AesCmHmacSha1Transform, AesGcmTransform {

    static SrtpTransform create(SrtpProfile profile, SessionKeys keys) {
        return switch (profile) {
            case SRTP_AES128_CM_HMAC_SHA1_80 -> new AesCmHmacSha1Transform(keys);
            case SRTP_AEAD_AES_128_GCM -> new AesGcmTransform(keys);
        };
    }

    int protectRtp(byte[] packet, int offset, int length, int headerLength, int ssrc, long index);

    /** Returns the length without the tag. */
    int unprotectRtp(byte[] packet, int offset, int length, int headerLength, int ssrc, long index)
            throws SrtpException;

    /** Encrypts everything after the first 8 bytes and appends the E flag, {@code index} and the tag. */
    int protectRtcp(byte[] packet, int offset, int length, int ssrc, int index);

    /** Where, relative to the packet start, the E flag and SRTCP index word sits in a packet of {@code length}. */
    int srtcpIndexWordPosition(int length);

    /** Returns the length of the plain RTCP packet; decrypts only if the word's E flag is set. */
    int unprotectRtcp(byte[] packet, int offset, int length, int ssrc, int indexWord) throws SrtpException;

    /**
     * XORs the SSRC into {@code block[ssrcAt, ssrcAt + 4)} and the 48-bit packet index into the six
     * bytes after it: the shape both the AES-CM counter block and the GCM nonce share, 2 bytes apart.
     */
    static void mixSsrcAndIndex(byte[] block, int ssrcAt, int ssrc, long index) {
        for (int i = 0; i < 4; i++) {
            block[ssrcAt + i] ^= (byte) (ssrc >>> (24 - 8 * i));
        }
        for (int i = 0; i < 6; i++) {
            block[ssrcAt + 4 + i] ^= (byte) (index >>> (40 - 8 * i));
        }
    }

    static void writeInt(byte[] to, int at, int value) {
        to[at] = (byte) (value >>> 24);
        to[at + 1] = (byte) (value >>> 16);
        to[at + 2] = (byte) (value >>> 8);
        to[at + 3] = (byte) value;
    }
}
