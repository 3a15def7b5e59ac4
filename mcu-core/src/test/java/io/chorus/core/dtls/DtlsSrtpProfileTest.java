package io.chorus.core.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.bouncycastle.tls.SRTPProtectionProfile;
import org.junit.jupiter.api.Test;

class DtlsSrtpProfileTest {
    @Test
    void idsAndSizesAreThoseOfRfc5764AndRfc7714() {
        assertEquals(0x0001, DtlsSrtpProfile.AES128_CM_HMAC_SHA1_80.id());
        assertEquals(SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80, DtlsSrtpProfile.AES128_CM_HMAC_SHA1_80.id());
        assertEquals(60, DtlsSrtpProfile.AES128_CM_HMAC_SHA1_80.keyingMaterialLength());
        assertEquals(0x0007, DtlsSrtpProfile.AEAD_AES_128_GCM.id());
        assertEquals(SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM, DtlsSrtpProfile.AEAD_AES_128_GCM.id());
        assertEquals(56, DtlsSrtpProfile.AEAD_AES_128_GCM.keyingMaterialLength());
    }

    @Test
    void byIdFindsKnownProfilesOnly() {
        assertEquals(Optional.of(DtlsSrtpProfile.AEAD_AES_128_GCM), DtlsSrtpProfile.byId(7));
        assertEquals(Optional.of(DtlsSrtpProfile.AES128_CM_HMAC_SHA1_80), DtlsSrtpProfile.byId(1));
        assertTrue(DtlsSrtpProfile.byId(2).isEmpty());
        assertTrue(DtlsSrtpProfile.byId(8).isEmpty());
    }
}
