package io.chorus.core.srtp;

import static io.chorus.core.srtp.SrtpTestSupport.canonical;
import static io.chorus.core.srtp.SrtpTestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * RFC 7714 sections 16.1 and 17.1: AEAD_AES_128_GCM with the published session key
 * 00 01 .. 0f and the salt "Quid pro quo" (the vectors skip key derivation).
 */
class Rfc7714VectorsTest {
    private static final SessionKeys KEYS = new SessionKeys(hex("000102030405060708090a0b0c0d0e0f"),
            hex("517569642070726f2071756f"), new byte[0]);

    /** SSRC 5501a0b2, SEQ f17b, ROC 0; payload "Gallia est omnis divisa in partes tres". */
    private static final String RTP = "8040f17b 8041f8d3 5501a0b2 47616c6c 69612065 7374206f 6d6e6973"
            + " 20646976 69736120 696e2070 61727465 73207472 6573";
    private static final String SRTP = "8040f17b 8041f8d3 5501a0b2 f24de3a3 fb34de6c acba861c 9d7e4bca"
            + " be633bd5 0d294e6f 42a5f47a 51c7d19b 36de3adf 8833899d 7f27beb1 6a9152cf 765ee439 0cce";

    /** SSRC 4d617273, SRTCP index 000005d4, E flag set. */
    private static final String RTCP = "81c8000d 4d617273 4e545031 4e545032 52545020 0000042a 0000e930"
            + " 4c756e61 deadbeef deadbeef deadbeef deadbeef deadbeef";
    private static final String SRTCP = "81c8000d 4d617273 63e94885 dcdab67c a727d766 2f6b7e99 7ff5c0f7"
            + " 6c06f32d c676a5f1 730d6fda 4ce09b46 86303ded 0bb9275b c84aa458 96cf4d2f c5abf872 45d9eade"
            + " 800005d4";
    private static final int RTCP_VECTOR_INDEX = 0x5d4;

    @Test
    void encryptsTheRtpVector() throws SrtpException {
        byte[] packet = Arrays.copyOf(hex(RTP), hex(SRTP).length);

        int length = context().protectRtp(packet, 0, hex(RTP).length);

        assertEquals(hex(SRTP).length, length);
        assertEquals(canonical(SRTP), hex(packet, 0, length));
    }

    @Test
    void decryptsTheRtpVector() throws SrtpException {
        byte[] packet = hex(SRTP);

        int length = context().unprotectRtp(packet, 0, packet.length);

        assertEquals(canonical(RTP), hex(packet, 0, length));
    }

    @Test
    void encryptsTheRtcpVector() throws SrtpException {
        SrtpContext sender = context();
        // The sender numbers SRTCP packets itself, so walk it up to the index the vector uses.
        for (int index = 1; index < RTCP_VECTOR_INDEX; index++) {
            byte[] earlier = Arrays.copyOf(hex(RTCP), hex(SRTCP).length);
            sender.protectRtcp(earlier, 0, hex(RTCP).length);
        }
        byte[] packet = Arrays.copyOf(hex(RTCP), hex(SRTCP).length);

        int length = sender.protectRtcp(packet, 0, hex(RTCP).length);

        assertEquals(canonical(SRTCP), hex(packet, 0, length));
    }

    @Test
    void decryptsTheRtcpVector() throws SrtpException {
        byte[] packet = hex(SRTCP);

        int length = context().unprotectRtcp(packet, 0, packet.length);

        assertEquals(canonical(RTCP), hex(packet, 0, length));
    }

    private static SrtpContext context() {
        return SrtpTestSupport.withSessionKeys(SrtpProfile.SRTP_AEAD_AES_128_GCM, KEYS);
    }
}
