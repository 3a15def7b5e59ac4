package io.chorus.core.dtls;

import io.chorus.core.srtp.SrtpProfile;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a completed DTLS-SRTP handshake yields: the SRTP profile both sides agreed on and the keying
 * material exported with the label {@value DtlsSrtpKeys#EXPORTER_LABEL} (RFC 5764 4.2); {@link #srtpKeys()}
 * splits it.
 * {@link #toString()} never shows key bytes.
 */
public record DtlsHandshakeResult(DtlsRole role, SrtpProfile profile, byte[] keyingMaterial) {

    public DtlsHandshakeResult {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(profile, "profile");
        DtlsSrtpKeys.requireKeyingMaterialLength(profile, keyingMaterial.length);
        keyingMaterial = keyingMaterial.clone();
    }

    /** The RFC 5764 SRTPProtectionProfile value, e.g. 0x0001 or 0x0007. */
    public int profileId() {
        return profile.dtlsProtectionProfileId();
    }

    @Override
    public byte[] keyingMaterial() {
        return keyingMaterial.clone();
    }

    /** Our and the peer's SRTP master keys, cut from the material by our role. */
    public DtlsSrtpKeys srtpKeys() {
        return DtlsSrtpKeys.fromKeyingMaterial(profile, keyingMaterial, role);
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
