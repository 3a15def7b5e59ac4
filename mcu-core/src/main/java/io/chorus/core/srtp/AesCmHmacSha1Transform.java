package io.chorus.core.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * SRTP_AES128_CM_HMAC_SHA1_80 (RFC 3711 sections 4.1.1 and 4.2.1).
 *
 * <pre>
 * SRTP:  RTP header | encrypted payload | tag (10)
 *        tag = HMAC-SHA1(header | encrypted payload | ROC (4))[0..10)
 * SRTCP: header (8) | encrypted rest | E + index (4) | tag (10)
 *        tag = HMAC-SHA1(everything before the tag)[0..10)
 * counter block = (session_salt << 16) XOR (SSRC << 64) XOR (index << 16)
 * </pre>
 */
final class AesCmHmacSha1Transform implements SrtpTransform {
    private static final int TAG_LENGTH = SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80.authTagLength();
    private static final int RTCP_HEADER_LENGTH = 8;
    private static final int COUNTER_SSRC_POSITION = 4;

    private final Cipher ctr;
    private final SecretKeySpec key;
    private final byte[] salt;
    private final Mac hmac;
    private final byte[] counterBlock = new byte[16];
    private final byte[] rolloverCounter = new byte[4];
    private final byte[] digest;

    AesCmHmacSha1Transform(SessionKeys keys) {
        try {
            ctr = Cipher.getInstance("AES/CTR/NoPadding");
            hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(keys.authKey(), "HmacSHA1"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES-CTR or HMAC-SHA1", e);
        }
        key = new SecretKeySpec(keys.encryptionKey(), "AES");
        salt = keys.salt().clone();
        digest = new byte[hmac.getMacLength()];
    }

    @Override
    public int protectRtp(byte[] packet, int offset, int length, int headerLength, int ssrc, long index) {
        applyKeystream(packet, offset + headerLength, length - headerLength, ssrc, index);
        digestRtp(packet, offset, length, index);
        System.arraycopy(digest, 0, packet, offset + length, TAG_LENGTH);
        return length + TAG_LENGTH;
    }

    @Override
    public int unprotectRtp(byte[] packet, int offset, int length, int headerLength, int ssrc, long index)
            throws SrtpException {
        int authenticated = length - TAG_LENGTH;
        digestRtp(packet, offset, authenticated, index);
        verifyTag(packet, offset + authenticated);
        applyKeystream(packet, offset + headerLength, authenticated - headerLength, ssrc, index);
        return authenticated;
    }

    @Override
    public int protectRtcp(byte[] packet, int offset, int length, int ssrc, int index) {
        applyKeystream(packet, offset + RTCP_HEADER_LENGTH, length - RTCP_HEADER_LENGTH, ssrc, index);
        SrtpTransform.writeInt(packet, offset + length, 0x80000000 | index);
        int authenticated = length + SrtpProfile.SRTCP_INDEX_LENGTH;
        hmac.update(packet, offset, authenticated);
        finishDigest();
        System.arraycopy(digest, 0, packet, offset + authenticated, TAG_LENGTH);
        return authenticated + TAG_LENGTH;
    }

    @Override
    public int srtcpIndexWordPosition(int length) {
        return length - TAG_LENGTH - SrtpProfile.SRTCP_INDEX_LENGTH;
    }

    @Override
    public int unprotectRtcp(byte[] packet, int offset, int length, int ssrc, int indexWord) throws SrtpException {
        int authenticated = length - TAG_LENGTH;
        hmac.update(packet, offset, authenticated);
        finishDigest();
        verifyTag(packet, offset + authenticated);
        int plainLength = authenticated - SrtpProfile.SRTCP_INDEX_LENGTH;
        if (indexWord < 0) {
            applyKeystream(packet, offset + RTCP_HEADER_LENGTH, plainLength - RTCP_HEADER_LENGTH, ssrc,
                    indexWord & 0x7FFFFFFF);
        }
        return plainLength;
    }

    private void applyKeystream(byte[] packet, int from, int count, int ssrc, long index) {
        if (count == 0) {
            return;
        }
        System.arraycopy(salt, 0, counterBlock, 0, salt.length);
        counterBlock[14] = 0;
        counterBlock[15] = 0;
        SrtpTransform.mixSsrcAndIndex(counterBlock, COUNTER_SSRC_POSITION, ssrc, index);
        try {
            // The JDK's CTR mode counts over all 128 bits; SRTP's 16-bit block counter never
            // carries out because no packet reaches 2^16 blocks (1 MiB).
            ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(counterBlock));
            ctr.doFinal(packet, from, count, packet, from);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR failed", e);
        }
    }

    /** The RTP tag also covers the rollover counter, which never travels on the wire. */
    private void digestRtp(byte[] packet, int offset, int length, long index) {
        hmac.update(packet, offset, length);
        SrtpTransform.writeInt(rolloverCounter, 0, (int) (index >>> 16));
        hmac.update(rolloverCounter);
        finishDigest();
    }

    private void finishDigest() {
        try {
            hmac.doFinal(digest, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 failed", e);
        }
    }

    /** Compares in constant time so the position of the first wrong byte does not leak. */
    private void verifyTag(byte[] packet, int tagAt) throws SrtpException {
        int difference = 0;
        for (int i = 0; i < TAG_LENGTH; i++) {
            difference |= digest[i] ^ packet[tagAt + i];
        }
        if (difference != 0) {
            throw new SrtpException(SrtpException.Reason.AUTH_FAILED, "HMAC-SHA1 tag mismatch");
        }
    }
}
