package io.chorus.core.rtcp;

import java.util.HexFormat;

final class RtcpTestBytes {
    private RtcpTestBytes() {
    }

    /** Hex with any whitespace or '|' separators, so tests can lay bytes out as 32-bit words. */
    static byte[] hex(String words) {
        return HexFormat.of().parseHex(words.replaceAll("[\\s|]", ""));
    }
}
