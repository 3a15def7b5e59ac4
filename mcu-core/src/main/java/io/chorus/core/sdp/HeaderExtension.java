package io.chorus.core.sdp;

import java.util.Arrays;
import java.util.Objects;

/**
 * {@code a=extmap:<id>[/<direction>] <uri> [<attributes>]} of RFC 8285 section 5. Ids 1-14 fit the
 * one-byte header form, 1-255 the two-byte form.
 *
 * @param direction null when the line states none (then it follows the m-line's direction)
 * @param attributes extension attributes after the URI, or null
 */
public record HeaderExtension(int id, Direction direction, String uri, String attributes) {
    public static final String AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    public static final String ABS_SEND_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    public static final String TRANSPORT_WIDE_CC =
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    public static final String SDES_MID = "urn:ietf:params:rtp-hdrext:sdes:mid";

    public HeaderExtension {
        Objects.requireNonNull(uri, "uri");
    }

    static HeaderExtension parse(String value) throws SdpException {
        String[] tokens = SdpTokens.split(value);
        if (tokens.length < 2) {
            throw new SdpException("expected '<id>[/<direction>] <uri> [<attributes>]'");
        }
        String idToken = tokens[0];
        Direction direction = null;
        int slash = idToken.indexOf('/');
        if (slash >= 0) {
            String name = idToken.substring(slash + 1);
            direction = Direction.fromAttributeName(name)
                    .orElseThrow(() -> new SdpException("unknown extmap direction '" + name + "'"));
            idToken = idToken.substring(0, slash);
        }
        int id = SdpTokens.integer(idToken, 1, 255, "extension id");
        String attributes = tokens.length > 2 ? String.join(" ", Arrays.copyOfRange(tokens, 2, tokens.length)) : null;
        return new HeaderExtension(id, direction, tokens[1], attributes);
    }

    public String toSdpValue() {
        return id + (direction == null ? "" : "/" + direction.attributeName()) + " " + uri
                + (attributes == null ? "" : " " + attributes);
    }
}
