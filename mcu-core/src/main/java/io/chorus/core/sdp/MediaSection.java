package io.chorus.core.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One m-line and what follows it up to the next (RFC 8866 section 5.14):
 * {@code m=<media> <port>[/<count>] <proto> <fmt>...}, its other lines, and its attributes.
 *
 * @param index position among the description's m-lines, from 0 (the SDP "m-line index")
 * @param formats the formats as written; payload type numbers when {@link #isRtp()}
 * @param lines the section's lines other than m= and a=, e.g. c= and b=, in order
 */
public record MediaSection(int index, String kind, int port, String proto, List<String> formats, List<SdpLine> lines,
        SdpAttributes attributes) {

    public MediaSection {
        if (isRtpProto(proto) && !formats.stream().allMatch(f -> f.matches("[0-9]{1,3}"))) {
            throw new IllegalArgumentException("RTP formats must be payload type numbers: " + formats);
        }
        formats = List.copyOf(formats);
        lines = List.copyOf(lines);
    }

    /** Whether the formats are RTP payload types (RFC 8866 section 5.14: the proto names an RTP profile). */
    public boolean isRtp() {
        return isRtpProto(proto);
    }

    /** The m-line's payload types that have an rtpmap, in the m-line's (preference) order. */
    public List<RtpCodec> codecs() {
        List<RtpCodec> codecs = new ArrayList<>();
        if (isRtp()) {
            for (String format : formats) {
                attributes.codec(Integer.parseInt(format)).ifPresent(codecs::add);
            }
        }
        return codecs;
    }

    static boolean isRtpProto(String proto) {
        return proto.toUpperCase(Locale.ROOT).contains("RTP/");
    }
}
