package io.chorus.core.rtcp;

import io.chorus.core.MalformedPacketException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * The length-prefixed text of SDES items and BYE reasons, which RFC 3550 (sections 6.5 and 6.6) defines as
 * UTF-8 of at most 255 octets. Decoding is strict: a lenient decoder turns each bad octet into U+FFFD,
 * three octets when written back, so a peer's garbage could come out longer than the 255 the records accept.
 */
final class RtcpText {
    static final int MAX_LENGTH = 255;

    private RtcpText() {
    }

    static String decode(byte[] buf, int offset, int length, String what) throws MalformedPacketException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(buf, offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedPacketException(what + " is not valid UTF-8", e);
        }
    }

    static byte[] encode(String text, String what) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " of " + bytes.length + " UTF-8 bytes exceeds " + MAX_LENGTH);
        }
        return bytes;
    }
}
