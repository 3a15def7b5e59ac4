package io.chorus.core.sdp;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.chorus.core.rtp.MediaKind;

/**
 * Picks the one codec the server uses on an m-line, from what the offer lists:
 * <ul>
 * <li>audio: Opus at 48000 Hz with 2 channels (RFC 7587 section 7 requires that rtpmap), answered with
 * {@code usedtx=1}: a participant who is silent then sends a comfort-noise packet every 400 ms instead
 * of 50 packets a second, which the mixer neither receives nor decodes (RFC 7587 section 6.1: the
 * receiver's preference, which browsers follow);</li>
 * <li>video: VP8, or else H.264 in packetization-mode 1 (RFC 6184: the mode with FU-A and STAP-A that the
 * server's packetizer speaks), preferring constrained baseline 42e01f, then baseline 42001f, then any other
 * profile in the offer's order;</li>
 * <li>for video, the RTX payload type (RFC 4588) whose {@code apt} names the chosen one, when offered.</li>
 * </ul>
 */
final class CodecSelector {
    private static final int VIDEO_CLOCK_RATE = 90_000;
    private static final List<String> H264_PROFILE_PREFERENCE = List.of("42e01f", "42001f");

    private CodecSelector() {
    }

    static Optional<CodecChoice> select(MediaKind kind, List<RtpCodec> offered) {
        return kind == MediaKind.AUDIO ? selectAudio(offered) : selectVideo(offered);
    }

    private static Optional<CodecChoice> selectAudio(List<RtpCodec> offered) {
        return offered.stream()
                .filter(c -> c.isEncoding("opus") && c.clockRate() == 48_000 && c.channels() == 2)
                .findFirst()
                .map(opus -> new CodecChoice(opus.withFmtpParameter("usedtx", "1"), Optional.empty()));
    }

    private static Optional<CodecChoice> selectVideo(List<RtpCodec> offered) {
        Optional<RtpCodec> vp8 = offered.stream()
                .filter(c -> c.isEncoding("VP8") && c.clockRate() == VIDEO_CLOCK_RATE)
                .findFirst();
        Optional<RtpCodec> chosen = vp8.isPresent() ? vp8 : offered.stream()
                .filter(c -> c.isEncoding("H264") && c.clockRate() == VIDEO_CLOCK_RATE)
                .filter(c -> "1".equals(c.fmtpParameter("packetization-mode").orElse("0")))
                .min(Comparator.comparingInt(CodecSelector::h264ProfileRank));
        return chosen.map(codec -> new CodecChoice(codec, rtxFor(codec, offered)));
    }

    /** Lower is better; ties keep the offer's order because {@code Stream.min} returns the first minimum. */
    private static int h264ProfileRank(RtpCodec codec) {
        String profile = codec.fmtpParameter("profile-level-id").orElse("").toLowerCase(Locale.ROOT);
        int rank = H264_PROFILE_PREFERENCE.indexOf(profile);
        return rank < 0 ? H264_PROFILE_PREFERENCE.size() : rank;
    }

    private static Optional<RtpCodec> rtxFor(RtpCodec codec, List<RtpCodec> offered) {
        String payloadType = Integer.toString(codec.payloadType());
        return offered.stream()
                .filter(c -> c.isEncoding("rtx") && c.clockRate() == codec.clockRate())
                .filter(c -> payloadType.equals(c.fmtpParameter("apt").orElse(null)))
                .findFirst();
    }
}
