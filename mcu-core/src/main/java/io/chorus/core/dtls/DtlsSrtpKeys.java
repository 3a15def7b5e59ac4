package io.chorus.core.dtls;

import io.chorus.core.srtp.SrtpContext;
import io.chorus.core.srtp.SrtpMasterKey;
import io.chorus.core.srtp.SrtpProfile;

import java.util.Arrays;
import java.util.Objects;

/**
 * The two master keys of a DTLS-SRTP association: {@code local} protects what we send,
 * {@code remote} unprotects what we receive.
 *
 * <p>RFC 5764 section 4.2 lays the exporter output (label {@value #EXPORTER_LABEL}, no context)
 * out as
 * <pre>
 * client_write_SRTP_master_key | server_write_SRTP_master_key |
 * client_write_SRTP_master_salt | server_write_SRTP_master_salt
 * </pre>
 * so which half is ours depends only on our DTLS role.
 */
public record DtlsSrtpKeys(SrtpProfile profile, SrtpMasterKey local, SrtpMasterKey remote) {
    /** The TLS exporter label for DTLS-SRTP keying material. */
    public static final String EXPORTER_LABEL = "EXTRACTOR-dtls_srtp";

    public DtlsSrtpKeys {
        Objects.requireNonNull(profile, "profile");
        if (!local.fits(profile) || !remote.fits(profile)) {
            throw new IllegalArgumentException("master key lengths do not match " + profile);
        }
    }

    /**
     * Splits exporter output of exactly {@link SrtpProfile#keyingMaterialLength()} bytes.
     *
     * @throws IllegalArgumentException if the material has the wrong length for the profile
     */
    public static DtlsSrtpKeys fromKeyingMaterial(SrtpProfile profile, byte[] material, DtlsRole localRole) {
        requireKeyingMaterialLength(profile, material.length);
        int keyLength = profile.masterKeyLength();
        int saltLength = profile.masterSaltLength();
        int saltsStart = 2 * keyLength;
        SrtpMasterKey client = new SrtpMasterKey(Arrays.copyOfRange(material, 0, keyLength),
                Arrays.copyOfRange(material, saltsStart, saltsStart + saltLength));
        SrtpMasterKey server = new SrtpMasterKey(Arrays.copyOfRange(material, keyLength, saltsStart),
                Arrays.copyOfRange(material, saltsStart + saltLength, saltsStart + 2 * saltLength));
        return localRole == DtlsRole.CLIENT
                ? new DtlsSrtpKeys(profile, client, server)
                : new DtlsSrtpKeys(profile, server, client);
    }

    static void requireKeyingMaterialLength(SrtpProfile profile, int length) {
        if (length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException(profile + " needs " + profile.keyingMaterialLength()
                    + " bytes of keying material, got " + length);
        }
    }

    /** A context for the sending thread: protects with our keys. */
    public SrtpContext newProtectContext() {
        return new SrtpContext(profile, local);
    }

    /** A context for the receiving thread: unprotects with the peer's keys. */
    public SrtpContext newUnprotectContext() {
        return new SrtpContext(profile, remote);
    }
}
