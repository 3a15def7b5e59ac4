package io.chorus.core.sdp;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the server announces for the one track it sends on an m-line: the track id of {@code a=msid} and
 * its SSRCs (RFC 5576). The RTX SSRC is announced only when the m-line negotiates RTX.
 */
public record OutgoingTrack(String trackId, long ssrc, OptionalLong rtxSsrc) {
    private static final long MAX_SSRC = 0xFFFF_FFFFL;

    public OutgoingTrack {
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(rtxSsrc, "rtxSsrc");
        checkSsrc(ssrc);
        if (rtxSsrc.isPresent()) {
            checkSsrc(rtxSsrc.getAsLong());
            if (rtxSsrc.getAsLong() == ssrc) {
                throw new IllegalArgumentException("RTX SSRC must differ from the media SSRC " + ssrc);
            }
        }
    }

    public static OutgoingTrack withoutRtx(String trackId, long ssrc) {
        return new OutgoingTrack(trackId, ssrc, OptionalLong.empty());
    }

    public static OutgoingTrack withRtx(String trackId, long ssrc, long rtxSsrc) {
        return new OutgoingTrack(trackId, ssrc, OptionalLong.of(rtxSsrc));
    }

    private static void checkSsrc(long ssrc) {
        if (ssrc < 0 || ssrc > MAX_SSRC) {
            throw new IllegalArgumentException("SSRC " + ssrc + " does not fit in 32 bits");
        }
    }
}
