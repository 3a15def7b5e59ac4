package io.chorus.core.srtp;

import static io.chorus.core.srtp.SrtpTestSupport.canonical;
import static io.chorus.core.srtp.SrtpTestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reference packets libsrtp validates itself against (srtp_validate and srtp_validate_gcm in
 * its test driver): a fresh sender's first RTP packet (SSRC cafebabe, SEQ 1234) and first RTCP
 * packet (SRTCP index 1), starting from master keys, so these also pin the key derivation for
 * both profiles and libsrtp's choice of 1 as the first SRTCP index.
 */
class LibsrtpVectorsTest {
    private static final String RTP = "800f1234decafbadcafebabe abababababababababababababababab";
    private static final String RTCP = "81c8000bcafebabe abababababababababababababababab";

    enum Vector {
        AES_CM(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80,
                new SrtpMasterKey(hex("e1f97a0d3e018be0d64fa32c06de4139"), hex("0ec675ad498afeebb6960b3aabe6")),
                "800f1234decafbadcafebabe4e55dc4ce79978d88ca4d215949d2402b78d6acc99ea179b8dbb",
                "81c8000bcafebabe7128035be487b9bdbef89041f977a5a880000001993e08cd54d6c1230798"),
        AES_GCM(SrtpProfile.SRTP_AEAD_AES_128_GCM,
                new SrtpMasterKey(hex("000102030405060708090a0b0c0d0e0f"), hex("a0a1a2a3a4a5a6a7a8a9aaab")),
                "800f1234decafbadcafebabec5002ede04cfdd2eb91159e0880aa06ed2976826f796b201df3131a127e8a392",
                "81c8000bcafebabec98b8b5df0392a55852b6c21ac8e7025c52c6fbea2b3b446ea31123ba88ce61e80000001");

        final SrtpProfile profile;
        final SrtpMasterKey key;
        final String srtp;
        final String srtcp;

        Vector(SrtpProfile profile, SrtpMasterKey key, String srtp, String srtcp) {
            this.profile = profile;
            this.key = key;
            this.srtp = srtp;
            this.srtcp = srtcp;
        }
    }

    @ParameterizedTest
    @EnumSource(Vector.class)
    void protectsLikeLibsrtp(Vector vector) throws SrtpException {
        SrtpContext sender = new SrtpContext(vector.profile, vector.key);
        byte[] rtp = Arrays.copyOf(hex(RTP), hex(vector.srtp).length);
        byte[] rtcp = Arrays.copyOf(hex(RTCP), hex(vector.srtcp).length);

        int rtpLength = sender.protectRtp(rtp, 0, hex(RTP).length);
        int rtcpLength = sender.protectRtcp(rtcp, 0, hex(RTCP).length);

        assertEquals(vector.srtp, hex(rtp, 0, rtpLength));
        assertEquals(vector.srtcp, hex(rtcp, 0, rtcpLength));
    }

    @ParameterizedTest
    @EnumSource(Vector.class)
    void unprotectsWhatLibsrtpSent(Vector vector) throws SrtpException {
        SrtpContext receiver = new SrtpContext(vector.profile, vector.key);
        byte[] srtp = hex(vector.srtp);
        byte[] srtcp = hex(vector.srtcp);

        int rtpLength = receiver.unprotectRtp(srtp, 0, srtp.length);
        int rtcpLength = receiver.unprotectRtcp(srtcp, 0, srtcp.length);

        assertEquals(canonical(RTP), hex(srtp, 0, rtpLength));
        assertEquals(canonical(RTCP), hex(srtcp, 0, rtcpLength));
    }
}
