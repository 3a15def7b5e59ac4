package io.chorus.core.dtls;

import io.chorus.core.srtp.SrtpProfile;

import static io.chorus.core.srtp.SrtpProfile.SRTP_AEAD_AES_128_GCM;
import static io.chorus.core.srtp.SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.junit.jupiter.api.Test;

class UseSrtpNegotiationTest {
    private static final List<SrtpProfile> GCM_FIRST = List.of(SRTP_AEAD_AES_128_GCM, SRTP_AES128_CM_HMAC_SHA1_80);

    private static UseSRTPData offerOf(int... ids) {
        return new UseSRTPData(ids, new byte[0]);
    }

    @Test
    void offerListsProfilesInPreferenceOrderWithoutMki() throws Exception {
        UseSRTPData offer = UseSrtpNegotiation.offer(GCM_FIRST);
        assertArrayEquals(new int[] {0x0007, 0x0001}, offer.getProtectionProfiles());
        assertEquals(0, offer.getMki().length);
        // and it survives BC's wire encoding: 00 04 | 00 07 00 01 | 00
        byte[] wire = TlsSRTPUtils.createUseSRTPExtension(offer);
        assertArrayEquals(new byte[] {0, 4, 0, 7, 0, 1, 0}, wire);
    }

    @Test
    void serverPicksItsPreferredProfileAmongThoseOffered() throws Exception {
        // Chrome's offer: GCM-256, GCM-128, CM-80, CM-32
        UseSRTPData chrome = offerOf(SRTPProtectionProfile.SRTP_AEAD_AES_256_GCM,
                SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM, 0x0001, SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_32);
        assertEquals(SRTP_AEAD_AES_128_GCM, UseSrtpNegotiation.select(chrome, GCM_FIRST));
        assertEquals(SRTP_AES128_CM_HMAC_SHA1_80,
                UseSrtpNegotiation.select(chrome, List.of(SRTP_AES128_CM_HMAC_SHA1_80, SRTP_AEAD_AES_128_GCM)));
        assertEquals(SRTP_AES128_CM_HMAC_SHA1_80, UseSrtpNegotiation.select(offerOf(0x0002, 0x0001), GCM_FIRST));
    }

    @Test
    void serverIgnoresTheClientsMki() throws Exception {
        UseSRTPData withMki = new UseSRTPData(new int[] {0x0001}, new byte[] {1, 2, 3});
        assertEquals(SRTP_AES128_CM_HMAC_SHA1_80, UseSrtpNegotiation.select(withMki, GCM_FIRST));
        UseSRTPData answer = UseSrtpNegotiation.answer(SRTP_AES128_CM_HMAC_SHA1_80);
        assertArrayEquals(new int[] {0x0001}, answer.getProtectionProfiles());
        assertEquals(0, answer.getMki().length);
    }

    @Test
    void serverAbortsWithoutUseSrtpOrCommonProfile() {
        TlsFatalAlert none = assertThrows(TlsFatalAlert.class, () -> UseSrtpNegotiation.select(null, GCM_FIRST));
        assertEquals(AlertDescription.handshake_failure, none.getAlertDescription());
        TlsFatalAlert noCommon = assertThrows(TlsFatalAlert.class,
                () -> UseSrtpNegotiation.select(offerOf(0x0002, 0x0008), GCM_FIRST));
        assertEquals(AlertDescription.handshake_failure, noCommon.getAlertDescription());
        assertTrue(noCommon.getMessage().contains("client offered [0x0002, 0x0008]"), noCommon.getMessage());
    }

    @Test
    void clientAcceptsOneOfferedProfile() throws Exception {
        assertEquals(SRTP_AEAD_AES_128_GCM, UseSrtpNegotiation.acceptAnswer(offerOf(0x0007), GCM_FIRST));
        assertEquals(SRTP_AES128_CM_HMAC_SHA1_80, UseSrtpNegotiation.acceptAnswer(offerOf(0x0001), GCM_FIRST));
    }

    @Test
    void clientRejectsBadAnswers() {
        assertAlert(AlertDescription.handshake_failure, null, GCM_FIRST);
        assertAlert(AlertDescription.illegal_parameter, offerOf(0x0007, 0x0001), GCM_FIRST);
        assertAlert(AlertDescription.illegal_parameter, offerOf(0x0007), List.of(SRTP_AES128_CM_HMAC_SHA1_80));
        assertAlert(AlertDescription.illegal_parameter, new UseSRTPData(new int[] {0x0007}, new byte[] {9}),
                GCM_FIRST);
    }

    private static void assertAlert(short expected, UseSRTPData answer, List<SrtpProfile> offered) {
        TlsFatalAlert alert = assertThrows(TlsFatalAlert.class, () -> UseSrtpNegotiation.acceptAnswer(answer, offered));
        assertEquals(expected, alert.getAlertDescription(), alert.getMessage());
    }
}
