package io.chorus.core.sdp;

import java.util.Objects;

/**
 * {@code a=msid:<stream id> [<track id>]} of RFC 8830 section 2.
 *
 * @param trackId null when the line has only the stream id
 */
public record Msid(String streamId, String trackId) {

    public Msid {
        Objects.requireNonNull(streamId, "streamId");
    }

    static Msid parse(String value) throws SdpException {
        String[] tokens = SdpTokens.split(value);
        if (tokens.length < 1 || tokens.length > 2) {
            throw new SdpException("expected '<stream id> [<track id>]'");
        }
        return new Msid(tokens[0], tokens.length == 2 ? tokens[1] : null);
    }

    public String toSdpValue() {
        return trackId == null ? streamId : streamId + " " + trackId;
    }
}
