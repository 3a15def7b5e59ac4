package io.chorus.core.dtls;

/**
 * A structural check of the DTLS records in one datagram (RFC 6347 section 4.1), made before Bouncy
 * Castle sees them once the handshake is done. Bouncy Castle discards a record whose MAC fails, as
 * RFC 6347 section 4.1.2.7 asks, but answers some malformed ones (an encrypted record too short to
 * hold its tag) with a fatal alert that closes the connection: one forged datagram would end a
 * participant's media. Records that cannot be what a peer sends are dropped here instead.
 */
public final class DtlsRecords {
    static final int HEADER_LENGTH = 13;
    /** The smallest protected fragment of the suites offered: a ChaCha20-Poly1305 tag alone. */
    static final int MIN_PROTECTED_FRAGMENT = 16;
    /** A handshake message header (RFC 6347 section 4.2.2). */
    static final int MIN_HANDSHAKE_FRAGMENT = 12;
    private static final int CHANGE_CIPHER_SPEC = 20;
    private static final int ALERT = 21;
    private static final int HANDSHAKE = 22;
    private static final int APPLICATION_DATA = 23;

    private DtlsRecords() {
    }

    /** Whether every record in the datagram is well formed; false means drop the whole datagram. */
    public static boolean wellFormed(byte[] b, int offset, int length) {
        int end = offset + length;
        int at = offset;
        if (length < HEADER_LENGTH) {
            return false;
        }
        while (at < end) {
            if (end - at < HEADER_LENGTH) {
                return false;
            }
            int type = b[at] & 0xFF;
            int major = b[at + 1] & 0xFF;
            int minor = b[at + 2] & 0xFF;
            int epoch = ((b[at + 3] & 0xFF) << 8) | (b[at + 4] & 0xFF);
            int fragment = ((b[at + 11] & 0xFF) << 8) | (b[at + 12] & 0xFF);
            if (type < CHANGE_CIPHER_SPEC || type > APPLICATION_DATA || major != 0xFE || (minor != 0xFD && minor != 0xFF)
                    || fragment > end - at - HEADER_LENGTH) {
                return false;
            }
            if (epoch > 0 ? fragment < MIN_PROTECTED_FRAGMENT : !plainFragmentFits(type, fragment)) {
                return false;
            }
            at += HEADER_LENGTH + fragment;
        }
        return true;
    }

    private static boolean plainFragmentFits(int type, int fragment) {
        return switch (type) {
            case CHANGE_CIPHER_SPEC -> fragment == 1;
            case ALERT -> fragment == 2;
            case HANDSHAKE -> fragment >= MIN_HANDSHAKE_FRAGMENT;
            // Application data is never sent unprotected.
            default -> false;
        };
    }
}
