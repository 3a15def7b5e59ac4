package io.chorus.core.sdp;

/** Number and token checks shared by the attribute parsers; every failure is an {@link SdpException}. */
final class SdpTokens {
    private static final long MAX_UINT32 = 0xFFFF_FFFFL;

    private SdpTokens() {
    }

    /** Splits on runs of spaces, ignoring leading and trailing ones; an empty value gives no tokens. */
    static String[] split(String value) {
        String trimmed = value.strip();
        return trimmed.isEmpty() ? new String[0] : trimmed.split(" +");
    }

    static int integer(String token, int min, int max, String what) throws SdpException {
        long parsed = number(token, what);
        if (parsed < min || parsed > max) {
            throw new SdpException(what + " " + parsed + " is outside " + min + ".." + max);
        }
        return (int) parsed;
    }

    static long uint32(String token, String what) throws SdpException {
        long parsed = number(token, what);
        if (parsed > MAX_UINT32) {
            throw new SdpException(what + " " + parsed + " does not fit in 32 bits");
        }
        return parsed;
    }

    /** Keeps error messages readable when the offending text is long or hostile. */
    static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }

    /** Payload types are 7-bit (RFC 3550 section 5.1). */
    static int payloadType(String token) throws SdpException {
        return integer(token, 0, 127, "payload type");
    }

    /** A non-negative decimal of at most 18 digits, so it always fits a long. */
    private static long number(String token, String what) throws SdpException {
        if (token.isEmpty() || token.length() > 18) {
            throw new SdpException(what + " '" + token + "' is not a number");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                throw new SdpException(what + " '" + token + "' is not a number");
            }
        }
        return Long.parseLong(token);
    }
}
