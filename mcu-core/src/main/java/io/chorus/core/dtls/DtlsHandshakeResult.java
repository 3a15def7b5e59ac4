package io.chorus.core.dtls;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a completed DTLS-SRTP handshake yields: the SRTP profile both sides agreed on and the keying
 * material exported with the label "EXTRACTOR-dtls_srtp" (RFC 5764 4.2). The material is laid out as
 * client key | server key | client salt | server salt; the accessors below cut out our (local) and
 * the peer's (remote) halves according to our role. {@link #toString()} never shows key bytes.
 */
public record DtlsHandshakeResult(DtlsRole role, DtlsSrtpProfile profile, byte[] keyingMaterial) {

    public DtlsHandshakeResult {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(profile, "profile");
        if (keyingMaterial.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException(profile + " needs " + profile.keyingMaterialLength()
                    + " bytes of keying material, got " + keyingMaterial.length);
        }
        keyingMaterial = keyingMaterial.clone();
    }

    /** The RFC 5764 SRTPProtectionProfile value, e.g. 0x0001 or 0x0007. */
    public int profileId() {
        return profile.id();
    }

    @Override
    public byte[] keyingMaterial() {
        return keyingMaterial.clone();
    }

    /** Master key for what we send (our SRTP protect context). */
    public byte[] localMasterKey() {
        return masterKey(role == DtlsRole.CLIENT);
    }

    public byte[] localMasterSalt() {
        return masterSalt(role == DtlsRole.CLIENT);
    }

    /** Master key for what the peer sends (our SRTP unprotect context). */
    public byte[] remoteMasterKey() {
        return masterKey(role != DtlsRole.CLIENT);
    }

    public byte[] remoteMasterSalt() {
        return masterSalt(role != DtlsRole.CLIENT);
    }

    private byte[] masterKey(boolean client) {
        int keyLength = profile.masterKeyLength();
        int from = client ? 0 : keyLength;
        return Arrays.copyOfRange(keyingMaterial, from, from + keyLength);
    }

    private byte[] masterSalt(boolean client) {
        int keyLength = profile.masterKeyLength();
        int saltLength = profile.masterSaltLength();
        int from = 2 * keyLength + (client ? 0 : saltLength);
        return Arrays.copyOfRange(keyingMaterial, from, from + saltLength);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DtlsHandshakeResult other && role == other.role && profile == other.profile
                && Arrays.equals(keyingMaterial, other.keyingMaterial);
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, profile, Arrays.hashCode(keyingMaterial));
    }

    @Override
    public String toString() {
        return "DtlsHandshakeResult[role=" + role + ", profile=" + profile + ", keyingMaterial="
                + keyingMaterial.length + " bytes]";
    }
}
