package io.chorus.core.sdp;

/**
 * {@code a=ssrc:<ssrc> <attribute>[:<value>]} of RFC 5576 section 4.1, e.g. {@code a=ssrc:1 cname:x}.
 *
 * @param value null for a property such as a bare {@code a=ssrc:1 label}
 */
public record SsrcAttribute(long ssrc, String name, String value) {

    static SsrcAttribute parse(String value) throws SdpException {
        String trimmed = value.strip();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            throw new SdpException("expected '<ssrc> <attribute>[:<value>]'");
        }
        long ssrc = SdpTokens.uint32(trimmed.substring(0, space), "SSRC");
        String attribute = trimmed.substring(space + 1).strip();
        int colon = attribute.indexOf(':');
        if (colon == 0) {
            throw new SdpException("missing SSRC attribute name");
        }
        return colon < 0 ? new SsrcAttribute(ssrc, attribute, null)
                : new SsrcAttribute(ssrc, attribute.substring(0, colon), attribute.substring(colon + 1));
    }
}
