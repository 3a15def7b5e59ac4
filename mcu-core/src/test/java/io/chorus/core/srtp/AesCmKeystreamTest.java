package io.chorus.core.srtp;

import static io.chorus.core.srtp.SrtpTestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chorus.core.rtp.RtpPacket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 3711 Appendix B.2: the AES-CM keystream for session key 2B7E..., salt F0F1...FD, SSRC 0 and
 * index 0, observed as the ciphertext of an all-zero RTP payload.
 */
class AesCmKeystreamTest {
    private static final int BLOCK = 16;
    private static final int LAST_BLOCK = 0xFF01;
    private static final byte[] KEYSTREAM = zeroPayloadCiphertext();

    @ParameterizedTest(name = "block {0}")
    @CsvSource({
            "0x0000, E03EAD0935C95E80E166B16DD92B4EB4",
            "0x0001, D23513162B02D0F72A43A2FE4A5F97AB",
            "0x0002, 41E95B3BB0A2E8DD477901E4FCA894C0",
            "0xFEFF, EC8CDF7398607CB0F2D21675EA9EA1E4",
            "0xFF00, 362B7C3C6773516318A077D7FC5073AE",
            "0xFF01, 6A2CC3787889374FBEB4C81B17BA6C44",
    })
    void matchesTheRfcKeystream(String block, String expected) {
        int at = RtpPacket.FIXED_HEADER_LENGTH + Integer.decode(block) * BLOCK;
        assertEquals(SrtpTestSupport.canonical(expected), SrtpTestSupport.hex(KEYSTREAM, at, BLOCK));
    }

    private static byte[] zeroPayloadCiphertext() {
        SessionKeys keys = new SessionKeys(hex("2B7E151628AED2A6ABF7158809CF4F3C"),
                hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD"), new byte[20]);
        SrtpContext context = SrtpTestSupport.withSessionKeys(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, keys);
        int payloadLength = (LAST_BLOCK + 1) * BLOCK;
        byte[] packet = new byte[RtpPacket.FIXED_HEADER_LENGTH + payloadLength + 10];
        packet[0] = (byte) 0x80; // sequence number 0, SSRC 0: the counter starts at the salt itself
        try {
            context.protectRtp(packet, 0, RtpPacket.FIXED_HEADER_LENGTH + payloadLength);
        } catch (SrtpException e) {
            throw new AssertionError(e);
        }
        return packet;
    }
}
