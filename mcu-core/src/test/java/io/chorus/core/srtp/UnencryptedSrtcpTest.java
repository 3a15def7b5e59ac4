package io.chorus.core.srtp;

import static io.chorus.core.srtp.SrtpTestSupport.hex;
import static io.chorus.core.srtp.SrtpTestSupport.rtcp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * SRTCP with the E flag clear: authenticated but not encrypted. Chorus never sends it, but a peer
 * may, so the packets here are built straight from the RFC layouts with the JCE as the oracle.
 */
class UnencryptedSrtcpTest {
    private static final long SSRC = 0xCAFEBABEL;
    private static final int INDEX = 0x1234;
    private static final byte[] KEY = hex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] AUTH_KEY = hex("101112131415161718191a1b1c1d1e1f20212223");

    /** RFC 3711 section 3.4: RTCP | E=0 + index | HMAC-SHA1 over both, truncated to 80 bits. */
    @Test
    void aesCmVerifiesAndLeavesThePayloadAlone() throws Exception {
        byte[] plain = rtcp(SSRC, 0);
        byte[] word = ByteBuffer.allocate(4).putInt(INDEX).array();
        Mac hmac = Mac.getInstance("HmacSHA1");
        hmac.init(new SecretKeySpec(AUTH_KEY, "HmacSHA1"));
        hmac.update(plain);
        byte[] tag = Arrays.copyOf(hmac.doFinal(word), 10);
        byte[] packet = concat(plain, word, tag);
        SrtpContext receiver = SrtpTestSupport.withSessionKeys(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80,
                new SessionKeys(KEY, hex("f0f1f2f3f4f5f6f7f8f9fafbfcfd"), AUTH_KEY));

        assertEquals(SrtpException.Reason.AUTH_FAILED, withEncryptedFlagSet(receiver, packet, plain.length));
        int length = receiver.unprotectRtcp(packet, 0, packet.length);

        assertArrayEquals(plain, Arrays.copyOf(packet, length));
    }

    /** RFC 7714 section 9.3: RTCP | tag | E=0 + index, where the tag covers the whole packet as AAD. */
    @Test
    void aesGcmVerifiesAndLeavesThePayloadAlone() throws Exception {
        byte[] salt = hex("517569642070726f2071756f");
        byte[] plain = rtcp(SSRC, 0);
        byte[] word = ByteBuffer.allocate(4).putInt(INDEX).array();
        byte[] nonce = ByteBuffer.allocate(12).putShort((short) 0).putInt((int) SSRC).putShort((short) 0)
                .putInt(INDEX).array();
        for (int i = 0; i < nonce.length; i++) {
            nonce[i] ^= salt[i];
        }
        byte[] tag = gcmTag(nonce, concat(plain, word));
        byte[] packet = concat(plain, tag, word);
        SrtpContext receiver = SrtpTestSupport.withSessionKeys(SrtpProfile.SRTP_AEAD_AES_128_GCM,
                new SessionKeys(KEY, salt, new byte[0]));

        assertEquals(SrtpException.Reason.AUTH_FAILED, withEncryptedFlagSet(receiver, packet, packet.length - 4));
        int length = receiver.unprotectRtcp(packet, 0, packet.length);

        assertArrayEquals(plain, Arrays.copyOf(packet, length));
    }

    /** Claiming encryption for a packet that was only tagged must not verify. */
    private static SrtpException.Reason withEncryptedFlagSet(SrtpContext receiver, byte[] packet, int wordAt) {
        byte[] flipped = packet.clone();
        flipped[wordAt] |= (byte) 0x80;
        return assertThrows(SrtpException.class, () -> receiver.unprotectRtcp(flipped, 0, flipped.length)).reason();
    }

    private static byte[] gcmTag(byte[] nonce, byte[] aad) throws GeneralSecurityException {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(aad);
        return gcm.doFinal();
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer out = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
    }
}
