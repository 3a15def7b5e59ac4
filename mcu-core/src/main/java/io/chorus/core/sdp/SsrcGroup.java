package io.chorus.core.sdp;

import java.util.List;

/**
 * {@code a=ssrc-group:<semantics> <ssrc>...} of RFC 5576 section 4.2; {@code FID} pairs a media SSRC
 * with its RTX SSRC (RFC 4588 section 8.3), {@code SIM} lists simulcast layers.
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) {
    public static final String FID = "FID";

    public SsrcGroup {
        ssrcs = List.copyOf(ssrcs);
    }

    static SsrcGroup parse(String value) throws SdpException {
        String[] tokens = SdpTokens.split(value);
        if (tokens.length < 2) {
            throw new SdpException("expected '<semantics> <ssrc>...'");
        }
        Long[] ssrcs = new Long[tokens.length - 1];
        for (int i = 1; i < tokens.length; i++) {
            ssrcs[i - 1] = SdpTokens.uint32(tokens[i], "SSRC");
        }
        return new SsrcGroup(tokens[0], List.of(ssrcs));
    }

    public String toSdpValue() {
        StringBuilder value = new StringBuilder(semantics);
        ssrcs.forEach(ssrc -> value.append(' ').append(ssrc));
        return value.toString();
    }
}
