package io.chorus.core.sdp;

import java.util.List;

/**
 * {@code a=group:<semantics> <mid>...} of RFC 5888 section 5; with {@code BUNDLE} semantics (RFC 9143) the
 * listed m-lines share one transport. An empty list is allowed: an answer that rejects every bundled
 * m-line still states the group.
 */
public record SdpGroup(String semantics, List<String> mids) {
    public static final String BUNDLE = "BUNDLE";

    public SdpGroup {
        mids = List.copyOf(mids);
    }

    static SdpGroup parse(String value) throws SdpException {
        String[] tokens = SdpTokens.split(value);
        if (tokens.length < 1) {
            throw new SdpException("expected '<semantics> <mid>...'");
        }
        return new SdpGroup(tokens[0], List.of(tokens).subList(1, tokens.length));
    }

    public boolean isBundle() {
        return BUNDLE.equals(semantics);
    }

    public String toSdpValue() {
        return mids.isEmpty() ? semantics : semantics + " " + String.join(" ", mids);
    }
}
