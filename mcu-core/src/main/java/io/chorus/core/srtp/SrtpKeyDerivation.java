package io.chorus.core.srtp;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SRTP key derivation function (RFC 3711 section 4.3) with a key derivation rate of 0, which
 * is what DTLS-SRTP uses: the session keys are derived once and never refreshed.
 *
 * <p>Each session key is a prefix of the AES counter-mode keystream under the master key, started
 * at the block {@code (master_salt XOR (label << 48)) << 16}. RFC 7714 section 11 keeps this
 * function for GCM with its 96-bit salt, which sits left-aligned in the 112-bit field and so leaves
 * the last two salt bytes zero.
 */
final class SrtpKeyDerivation {
    private static final int SRTP_ENCRYPTION_LABEL = 0x00;
    private static final int AUTH_LABEL_OFFSET = 0x01;
    private static final int SALT_LABEL_OFFSET = 0x02;
    private static final int SRTCP_ENCRYPTION_LABEL = 0x03;
    private static final int BLOCK = 16;
    /** The label is XORed into the byte just before the 48-bit index field (zero here, as kdr=0). */
    private static final int LABEL_POSITION = 7;

    private SrtpKeyDerivation() {
    }

    static SessionKeys srtpKeys(SrtpProfile profile, SrtpMasterKey master) {
        return derive(profile, master, SRTP_ENCRYPTION_LABEL);
    }

    static SessionKeys srtcpKeys(SrtpProfile profile, SrtpMasterKey master) {
        return derive(profile, master, SRTCP_ENCRYPTION_LABEL);
    }

    private static SessionKeys derive(SrtpProfile profile, SrtpMasterKey master, int encryptionLabel) {
        if (!master.fits(profile)) {
            throw new IllegalArgumentException(master + " does not fit " + profile);
        }
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(master.key(), "AES"));
            byte[] salt = master.salt();
            return new SessionKeys(
                    keystream(aes, salt, encryptionLabel, profile.masterKeyLength()),
                    keystream(aes, salt, encryptionLabel + SALT_LABEL_OFFSET, profile.masterSaltLength()),
                    keystream(aes, salt, encryptionLabel + AUTH_LABEL_OFFSET, profile.authKeyLength()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's AES provider failed", e);
        }
    }

    private static byte[] keystream(Cipher aes, byte[] masterSalt, int label, int length)
            throws GeneralSecurityException {
        int blocks = (length + BLOCK - 1) / BLOCK;
        byte[] out = new byte[blocks * BLOCK];
        byte[] counter = new byte[BLOCK];
        for (int i = 0; i < blocks; i++) {
            Arrays.fill(counter, (byte) 0);
            System.arraycopy(masterSalt, 0, counter, 0, masterSalt.length);
            counter[LABEL_POSITION] ^= (byte) label;
            counter[BLOCK - 2] = (byte) (i >>> 8);
            counter[BLOCK - 1] = (byte) i;
            aes.doFinal(counter, 0, BLOCK, out, i * BLOCK);
        }
        return Arrays.copyOf(out, length);
    }
}
