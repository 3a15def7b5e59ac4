package io.chorus.core.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import io.chorus.core.rtp.MediaKind;

/**
 * One accepted m-line as the transport uses it. Payload types and extension ids are the offer's: JSEP
 * (RFC 8829 section 5.3.1) has the answerer reuse them, so the same numbers hold in both directions.
 *
 * @param mLineIndex position of the m-line in offer and answer, from 0
 * @param mid null only for an offer without a=mid (then it cannot be bundled)
 * @param direction the server's direction, as the answer states it
 * @param codec the chosen payload type, its feedback cut to what the server implements
 * @param rtx the RTX payload type for {@code codec}, when offered
 * @param extensions the header extensions kept, with the offer's ids
 * @param rtcpReducedSize whether reduced-size RTCP (RFC 5506) was offered and accepted
 * @param remoteSources the browser's announced SSRCs for this m-line; empty when it announced none
 */
public record NegotiatedMedia(int mLineIndex, String mid, MediaKind kind, Direction direction, RtpCodec codec,
        Optional<RtpCodec> rtx, List<HeaderExtension> extensions, boolean rtcpReducedSize,
        List<RemoteSource> remoteSources) {

    public NegotiatedMedia {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(rtx, "rtx");
        extensions = List.copyOf(extensions);
        remoteSources = List.copyOf(remoteSources);
    }

    public List<RtcpFeedback> feedback() {
        return codec.feedback();
    }

    public boolean hasFeedback(RtcpFeedback feedback) {
        return codec.feedback().contains(feedback);
    }

    public OptionalInt rtxPayloadType() {
        return rtx.map(r -> OptionalInt.of(r.payloadType())).orElse(OptionalInt.empty());
    }

    /** The id negotiated for a header extension URI, e.g. {@link HeaderExtension#TRANSPORT_WIDE_CC}. */
    public OptionalInt extensionId(String uri) {
        return extensions.stream().filter(e -> e.uri().equals(uri)).mapToInt(HeaderExtension::id).findFirst();
    }
}
