package io.chorus.core.dtls;

import io.chorus.core.srtp.SrtpProfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class DtlsSettingsTest {
    @Test
    void defaultsPreferGcmAndUseBrowserSizedDatagrams() {
        DtlsSettings defaults = DtlsSettings.defaults();
        assertEquals(List.of(SrtpProfile.SRTP_AEAD_AES_128_GCM, SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80),
                defaults.srtpProfiles());
        assertEquals(Duration.ofSeconds(30), defaults.handshakeTimeout());
        assertEquals(1200, defaults.maxDatagramSize());
    }

    @Test
    void rejectsUnusableValues() {
        DtlsSettings d = DtlsSettings.defaults();
        assertThrows(IllegalArgumentException.class, d::withSrtpProfiles);
        assertThrows(IllegalArgumentException.class,
                () -> d.withSrtpProfiles(SrtpProfile.SRTP_AEAD_AES_128_GCM, SrtpProfile.SRTP_AEAD_AES_128_GCM));
        assertThrows(IllegalArgumentException.class, () -> d.withHandshakeTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> d.withHandshakeTimeout(Duration.ofDays(30)));
        assertThrows(IllegalArgumentException.class,
                () -> new DtlsSettings(d.srtpProfiles(), d.handshakeTimeout(), 255, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new DtlsSettings(d.srtpProfiles(), d.handshakeTimeout(), 1200, 0));
    }
}
