package io.chorus.core.sdp;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.chorus.core.rtp.MediaKind;

/**
 * Decides, for one offered m-line on its own, whether the server can take it and on what terms: RTP
 * audio or video over DTLS-SRTP with ICE (JSEP's {@code UDP/TLS/RTP/SAVPF}), RTCP multiplexed on the RTP
 * port (RFC 5761, as the server runs one ICE component), and a codec {@link CodecSelector} accepts.
 * Feedback and header extensions are cut to what the server implements.
 */
final class MediaNegotiator {
    static final String PROTO = "UDP/TLS/RTP/SAVPF";
    private static final Set<String> KEPT_EXTENSIONS = Set.of(HeaderExtension.AUDIO_LEVEL,
            HeaderExtension.ABS_SEND_TIME, HeaderExtension.TRANSPORT_WIDE_CC, HeaderExtension.SDES_MID);
    private static final Set<RtcpFeedback> VIDEO_FEEDBACK = Set.of(RtcpFeedback.NACK, RtcpFeedback.PLI,
            RtcpFeedback.FIR, RtcpFeedback.REMB, RtcpFeedback.TRANSPORT_CC);
    private static final Set<RtcpFeedback> AUDIO_FEEDBACK = Set.of(RtcpFeedback.TRANSPORT_CC);

    private MediaNegotiator() {
    }

    /** @param sessionDirection the direction the session level states, which m-lines inherit */
    static MediaDecision decide(MediaSection offered, Direction sessionDirection) {
        SdpAttributes attributes = offered.attributes();
        Optional<MediaKind> kind = kindOf(offered.kind());
        if (kind.isEmpty()) {
            return MediaDecision.reject(offered, "the server takes only audio and video");
        }
        // RFC 9143 section 7.2.1: port 0 with bundle-only asks to be bundled, not to be disabled.
        if (offered.port() == 0 && !attributes.has("bundle-only")) {
            return MediaDecision.reject(offered, "disabled in the offer (port 0)");
        }
        if (!PROTO.equalsIgnoreCase(offered.proto())) {
            return MediaDecision.reject(offered, "proto " + offered.proto() + " is not " + PROTO);
        }
        if (!attributes.rtcpMux()) {
            return MediaDecision.reject(offered, "no a=rtcp-mux");
        }
        Optional<CodecChoice> choice = CodecSelector.select(kind.get(), offered.codecs());
        if (choice.isEmpty()) {
            return MediaDecision.reject(offered, kind.get() == MediaKind.AUDIO ? "no opus/48000/2"
                    : "neither VP8 nor H.264 with packetization-mode=1");
        }
        Set<RtcpFeedback> supported = kind.get() == MediaKind.AUDIO ? AUDIO_FEEDBACK : VIDEO_FEEDBACK;
        RtpCodec codec = choice.get().codec();
        RtpCodec trimmed = codec.withFeedback(codec.feedback().stream().filter(supported::contains).distinct()
                .toList());
        Direction direction = attributes.direction().orElse(sessionDirection).reversed();
        return MediaDecision.accept(offered, new NegotiatedMedia(offered.index(), attributes.mid().orElse(null),
                kind.get(), direction, trimmed, choice.get().rtx().map(MediaNegotiator::withoutFeedback),
                keptExtensions(attributes.extensions()), attributes.rtcpRsize(),
                RemoteSource.fromAttributes(attributes)));
    }

    private static Optional<MediaKind> kindOf(String media) {
        return switch (media) {
            case "audio" -> Optional.of(MediaKind.AUDIO);
            case "video" -> Optional.of(MediaKind.VIDEO);
            default -> Optional.empty();
        };
    }

    /** RTX carries no feedback of its own; requests for it go to the payload type it repairs. */
    private static RtpCodec withoutFeedback(RtpCodec rtx) {
        return rtx.withFeedback(List.of());
    }

    /** Same ids as offered; a direction on the offered extmap is mirrored like the m-line's (RFC 8285 section 6). */
    private static List<HeaderExtension> keptExtensions(List<HeaderExtension> offered) {
        return offered.stream()
                .filter(e -> KEPT_EXTENSIONS.contains(e.uri()))
                .map(e -> new HeaderExtension(e.id(), e.direction() == null ? null : e.direction().reversed(),
                        e.uri(), null))
                .toList();
    }
}
