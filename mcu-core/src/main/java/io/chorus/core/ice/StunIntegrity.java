package io.chorus.core.ice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the MESSAGE-INTEGRITY of a STUN message with a short-term credential
 * (<a href="https://www.rfc-editor.org/rfc/rfc8489#section-14.5">RFC 8489 14.5</a>,
 * <a href="https://www.rfc-editor.org/rfc/rfc8445#section-7.2.2">RFC 8445 7.2.2</a>), before
 * anything is allocated for the sender. Not thread-safe: one instance per receiving thread.
 */
final class StunIntegrity {
    private static final int HEADER = 20;
    private static final int MAGIC_COOKIE = 0x2112A442;
    private static final int MESSAGE_INTEGRITY = 0x0008;
    private static final int HMAC_LENGTH = 20;

    private final Mac mac;

    StunIntegrity() {
        try {
            mac = Mac.getInstance("HmacSHA1");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required by STUN and missing from this JVM", e);
        }
    }

    /**
     * True when the message is well-formed STUN and carries a MESSAGE-INTEGRITY computed with
     * {@code password}. Attributes after MESSAGE-INTEGRITY (FINGERPRINT) are outside the hash.
     */
    boolean verify(byte[] buffer, int offset, int length, String password) {
        if (length < HEADER || (buffer[offset] & 0xC0) != 0 || readInt(buffer, offset + 4) != MAGIC_COOKIE) {
            return false;
        }
        int declared = readShort(buffer, offset + 2);
        if (declared % 4 != 0 || HEADER + declared > length) {
            return false;
        }
        int end = offset + HEADER + declared;
        int at = offset + HEADER;
        while (at + 4 <= end) {
            int type = readShort(buffer, at);
            int valueLength = readShort(buffer, at + 2);
            int value = at + 4;
            if (value + valueLength > end) {
                return false;
            }
            if (type == MESSAGE_INTEGRITY) {
                return valueLength == HMAC_LENGTH && matches(buffer, offset, value, password);
            }
            at = value + ((valueLength + 3) & ~3);
        }
        return false;
    }

    /** The hash covers the header and the attributes before MESSAGE-INTEGRITY, with the header's
     *  length rewritten as if MESSAGE-INTEGRITY were the last attribute. */
    private boolean matches(byte[] buffer, int offset, int integrityValue, String password) {
        try {
            mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        } catch (GeneralSecurityException e) {
            return false;
        }
        int lengthAsIfLast = integrityValue + HMAC_LENGTH - (offset + HEADER);
        mac.update(buffer, offset, 2);
        mac.update((byte) (lengthAsIfLast >> 8));
        mac.update((byte) lengthAsIfLast);
        mac.update(buffer, offset + 4, integrityValue - 4 - (offset + 4));
        byte[] expected = mac.doFinal();
        byte[] actual = new byte[HMAC_LENGTH];
        System.arraycopy(buffer, integrityValue, actual, 0, HMAC_LENGTH);
        return MessageDigest.isEqual(expected, actual);
    }

    private static int readShort(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static int readInt(byte[] b, int at) {
        return (readShort(b, at) << 16) | readShort(b, at + 2);
    }
}
