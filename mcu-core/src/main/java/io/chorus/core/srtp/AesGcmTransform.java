package io.chorus.core.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * SRTP_AEAD_AES_128_GCM (RFC 7714 sections 8 and 9).
 *
 * <pre>
 * SRTP:  RTP header (AAD) | ciphertext | tag (16)
 *        IV = (00 00 | SSRC | ROC | SEQ) XOR salt
 * SRTCP: header (8) | ciphertext | tag (16) | E + index (4)
 *        AAD = header (8) | E + index (4);  IV = (00 00 | SSRC | 00 00 | 0 + index) XOR salt
 *        with E = 0 the whole RTCP packet is AAD and the ciphertext is empty
 * </pre>
 * Note the SRTCP trailer order is the reverse of RFC 3711's: the index word follows the tag.
 */
final class AesGcmTransform implements SrtpTransform {
    private static final int TAG_LENGTH = SrtpProfile.SRTP_AEAD_AES_128_GCM.authTagLength();
    private static final int RTCP_HEADER_LENGTH = 8;
    private static final int NONCE_SSRC_POSITION = 2;

    private final Cipher gcm;
    private final SecretKeySpec key;
    private final byte[] salt;
    private final byte[] nonce;
    private final byte[] indexWord = new byte[SrtpProfile.SRTCP_INDEX_LENGTH];

    AesGcmTransform(SessionKeys keys) {
        try {
            gcm = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES-GCM", e);
        }
        key = new SecretKeySpec(keys.encryptionKey(), "AES");
        salt = keys.salt().clone();
        nonce = new byte[salt.length];
    }

    @Override
    public int protectRtp(byte[] packet, int offset, int length, int headerLength, int ssrc, long index) {
        try {
            start(Cipher.ENCRYPT_MODE, ssrc, index);
            gcm.updateAAD(packet, offset, headerLength);
            int start = offset + headerLength;
            return headerLength + gcm.doFinal(packet, start, length - headerLength, packet, start);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    @Override
    public int unprotectRtp(byte[] packet, int offset, int length, int headerLength, int ssrc, long index)
            throws SrtpException {
        try {
            start(Cipher.DECRYPT_MODE, ssrc, index);
            gcm.updateAAD(packet, offset, headerLength);
            int start = offset + headerLength;
            return headerLength + gcm.doFinal(packet, start, length - headerLength, packet, start);
        } catch (AEADBadTagException e) {
            throw authFailed();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    @Override
    public int protectRtcp(byte[] packet, int offset, int length, int ssrc, int index) {
        SrtpTransform.writeInt(indexWord, 0, 0x80000000 | index);
        try {
            start(Cipher.ENCRYPT_MODE, ssrc, index);
            gcm.updateAAD(packet, offset, RTCP_HEADER_LENGTH);
            gcm.updateAAD(indexWord);
            int start = offset + RTCP_HEADER_LENGTH;
            int sealed = gcm.doFinal(packet, start, length - RTCP_HEADER_LENGTH, packet, start);
            System.arraycopy(indexWord, 0, packet, start + sealed, indexWord.length);
            return RTCP_HEADER_LENGTH + sealed + indexWord.length;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    @Override
    public int srtcpIndexWordPosition(int length) {
        return length - SrtpProfile.SRTCP_INDEX_LENGTH;
    }

    @Override
    public int unprotectRtcp(byte[] packet, int offset, int length, int ssrc, int indexWord) throws SrtpException {
        int sealedEnd = length - SrtpProfile.SRTCP_INDEX_LENGTH;
        boolean encrypted = indexWord < 0;
        int aadLength = encrypted ? RTCP_HEADER_LENGTH : sealedEnd - TAG_LENGTH;
        try {
            start(Cipher.DECRYPT_MODE, ssrc, indexWord & 0x7FFFFFFF);
            gcm.updateAAD(packet, offset, aadLength);
            gcm.updateAAD(packet, offset + sealedEnd, SrtpProfile.SRTCP_INDEX_LENGTH);
            int start = offset + aadLength;
            return aadLength + gcm.doFinal(packet, start, sealedEnd - aadLength, packet, start);
        } catch (AEADBadTagException e) {
            throw authFailed();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    private void start(int mode, int ssrc, long index) throws GeneralSecurityException {
        System.arraycopy(salt, 0, nonce, 0, salt.length);
        SrtpTransform.mixSsrcAndIndex(nonce, NONCE_SSRC_POSITION, ssrc, index);
        gcm.init(mode, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
    }

    private static SrtpException authFailed() {
        return new SrtpException(SrtpException.Reason.AUTH_FAILED, "AES-GCM tag mismatch");
    }
}
