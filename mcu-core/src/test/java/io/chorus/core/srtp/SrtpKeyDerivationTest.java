package io.chorus.core.srtp;

import static io.chorus.core.srtp.SrtpTestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SrtpKeyDerivationTest {
    private static final SrtpMasterKey RFC3711_MASTER = new SrtpMasterKey(
            hex("E1F97A0D3E018BE0D64FA32C06DE4139"), hex("0EC675AD498AFEEBB6960B3AABE6"));

    /** RFC 3711 Appendix B.3. */
    @Test
    void derivesTheRfc3711SrtpSessionKeys() {
        SessionKeys keys = SrtpKeyDerivation.srtpKeys(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, RFC3711_MASTER);

        assertArrayEquals(hex("C61E7A93744F39EE10734AFE3FF7A087"), keys.encryptionKey());
        assertArrayEquals(hex("30CBBC08863D8C85D49DB34A9AE1"), keys.salt());
        assertArrayEquals(hex("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4"), keys.authKey());
    }

    @Test
    void srtcpKeysUseTheirOwnLabels() {
        SessionKeys srtp = SrtpKeyDerivation.srtpKeys(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, RFC3711_MASTER);
        SessionKeys srtcp = SrtpKeyDerivation.srtcpKeys(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, RFC3711_MASTER);

        assertEquals(16, srtcp.encryptionKey().length);
        assertEquals(14, srtcp.salt().length);
        assertEquals(20, srtcp.authKey().length);
        assertFalse(Arrays.equals(srtp.encryptionKey(), srtcp.encryptionKey()));
        assertFalse(Arrays.equals(srtp.salt(), srtcp.salt()));
        assertFalse(Arrays.equals(srtp.authKey(), srtcp.authKey()));
    }

    @Test
    void gcmDerivesATwelveByteSaltAndNoAuthKey() {
        SrtpMasterKey master = new SrtpMasterKey(hex("000102030405060708090a0b0c0d0e0f"),
                hex("a0a1a2a3a4a5a6a7a8a9aaab"));

        SessionKeys keys = SrtpKeyDerivation.srtpKeys(SrtpProfile.SRTP_AEAD_AES_128_GCM, master);

        assertEquals(16, keys.encryptionKey().length);
        assertEquals(12, keys.salt().length);
        assertEquals(0, keys.authKey().length);
    }

    @Test
    void rejectsAMasterKeyOfTheWrongShape() {
        assertThrows(IllegalArgumentException.class,
                () -> SrtpKeyDerivation.srtpKeys(SrtpProfile.SRTP_AEAD_AES_128_GCM, RFC3711_MASTER));
        assertThrows(IllegalArgumentException.class,
                () -> new SrtpContext(SrtpProfile.SRTP_AEAD_AES_128_GCM, RFC3711_MASTER));
    }
}
