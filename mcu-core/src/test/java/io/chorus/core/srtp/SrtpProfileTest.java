package io.chorus.core.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SrtpProfileTest {
    @ParameterizedTest(name = "0x{0}")
    @CsvSource({
            "0001, SRTP_AES128_CM_HMAC_SHA1_80",
            "0007, SRTP_AEAD_AES_128_GCM",
            "0002,",  // SRTP_AES128_CM_HMAC_SHA1_32: not offered
            "0008,",  // SRTP_AEAD_AES_256_GCM: not offered
            "0000,",
    })
    void mapsDtlsProtectionProfileIds(String id, SrtpProfile expected) {
        assertEquals(Optional.ofNullable(expected), SrtpProfile.fromDtlsProtectionProfileId(Integer.parseInt(id, 16)));
    }

    @ParameterizedTest
    @CsvSource({"SRTP_AES128_CM_HMAC_SHA1_80, 10, 14", "SRTP_AEAD_AES_128_GCM, 16, 20"})
    void overheadIsTheTagPlusTheSrtcpIndexWord(SrtpProfile profile, int rtp, int rtcp) {
        assertEquals(rtp, profile.rtpOverhead());
        assertEquals(rtcp, profile.rtcpOverhead());
    }

    @ParameterizedTest
    @CsvSource({"SRTP_AES128_CM_HMAC_SHA1_80, 60", "SRTP_AEAD_AES_128_GCM, 56"})
    void keyingMaterialLengthsMatchRfc5764AndRfc7714(SrtpProfile profile, int length) {
        assertEquals(length, profile.keyingMaterialLength());
    }
}
