package io.chorus.core.srtp;

import java.util.Optional;

/**
 * The SRTP protection profiles Chorus negotiates in DTLS-SRTP (RFC 5764 section 4.1.2), with the
 * lengths each one fixes. Both profiles use a 128-bit AES master key; they differ in salt length
 * and in how packets are authenticated (truncated HMAC-SHA1 versus the GCM tag).
 */
public enum SrtpProfile {
    /** AES-128 counter mode with an 80-bit HMAC-SHA1 tag (RFC 3711, RFC 5764). */
    SRTP_AES128_CM_HMAC_SHA1_80(0x0001, 16, 14, 20, 10),
    /** AES-128-GCM AEAD with a 128-bit tag (RFC 7714). */
    SRTP_AEAD_AES_128_GCM(0x0007, 16, 12, 0, 16);

    /** SRTCP appends a 32-bit word: the E flag and the 31-bit SRTCP index. */
    static final int SRTCP_INDEX_LENGTH = 4;

    private final int dtlsProtectionProfileId;
    private final int masterKeyLength;
    private final int masterSaltLength;
    private final int authKeyLength;
    private final int authTagLength;

    SrtpProfile(int dtlsProtectionProfileId, int masterKeyLength, int masterSaltLength, int authKeyLength,
            int authTagLength) {
        this.dtlsProtectionProfileId = dtlsProtectionProfileId;
        this.masterKeyLength = masterKeyLength;
        this.masterSaltLength = masterSaltLength;
        this.authKeyLength = authKeyLength;
        this.authTagLength = authTagLength;
    }

    /** The two-byte value carried in the DTLS use_srtp extension. */
    public int dtlsProtectionProfileId() {
        return dtlsProtectionProfileId;
    }

    public static Optional<SrtpProfile> fromDtlsProtectionProfileId(int id) {
        for (SrtpProfile profile : values()) {
            if (profile.dtlsProtectionProfileId == id) {
                return Optional.of(profile);
            }
        }
        return Optional.empty();
    }

    /** Master key length in bytes; the derived session encryption key has the same length. */
    public int masterKeyLength() {
        return masterKeyLength;
    }

    /** Master salt length in bytes; the derived session salt has the same length. */
    public int masterSaltLength() {
        return masterSaltLength;
    }

    /** Length of the derived HMAC key in bytes; 0 for the AEAD profile, whose tag needs no separate key. */
    public int authKeyLength() {
        return authKeyLength;
    }

    public int authTagLength() {
        return authTagLength;
    }

    /** Bytes {@link SrtpContext#protectRtp} appends, which the caller must leave free after the packet. */
    public int rtpOverhead() {
        return authTagLength;
    }

    /** Bytes {@link SrtpContext#protectRtcp} appends: the tag plus the E flag and SRTCP index word. */
    public int rtcpOverhead() {
        return authTagLength + SRTCP_INDEX_LENGTH;
    }

    /**
     * Length of the DTLS exporter output this profile needs (RFC 5764 section 4.2): a key and a salt
     * for each of client and server.
     */
    public int keyingMaterialLength() {
        return 2 * (masterKeyLength + masterSaltLength);
    }
}
