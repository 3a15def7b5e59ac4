package io.chorus.core.dtls;

import java.util.Optional;

/**
 * The SRTP protection profiles Chorus negotiates in the DTLS {@code use_srtp} extension, with their
 * registered identifiers and the master key and salt sizes that decide how much keying material is
 * exported from the handshake (RFC 5764 4.2: two keys and two salts).
 */
public enum DtlsSrtpProfile {
    /** RFC 5764 4.1.2: AES-128 counter mode, HMAC-SHA1 with an 80-bit tag, 112-bit master salt. */
    AES128_CM_HMAC_SHA1_80(0x0001, 16, 14),
    /** RFC 7714 14.2: AES-128 in GCM with a 16-octet tag; its master salt is 96 bits. */
    AEAD_AES_128_GCM(0x0007, 16, 12);

    private final int id;
    private final int masterKeyLength;
    private final int masterSaltLength;

    DtlsSrtpProfile(int id, int masterKeyLength, int masterSaltLength) {
        this.id = id;
        this.masterKeyLength = masterKeyLength;
        this.masterSaltLength = masterSaltLength;
    }

    /** The two-byte SRTPProtectionProfile value carried in {@code use_srtp}. */
    public int id() {
        return id;
    }

    public int masterKeyLength() {
        return masterKeyLength;
    }

    public int masterSaltLength() {
        return masterSaltLength;
    }

    /** Length of the "EXTRACTOR-dtls_srtp" export: 2 * (key + salt). */
    public int keyingMaterialLength() {
        return 2 * (masterKeyLength + masterSaltLength);
    }

    public static Optional<DtlsSrtpProfile> byId(int id) {
        for (DtlsSrtpProfile profile : values()) {
            if (profile.id == id) {
                return Optional.of(profile);
            }
        }
        return Optional.empty();
    }
}
