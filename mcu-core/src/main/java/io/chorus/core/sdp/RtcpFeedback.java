package io.chorus.core.sdp;

import java.util.Objects;

/**
 * One RTCP feedback capability of RFC 4585 section 4.2, e.g. {@code nack}, {@code nack pli}, {@code ccm fir}.
 *
 * @param parameter null when the type stands alone
 */
public record RtcpFeedback(String type, String parameter) {
    public static final RtcpFeedback NACK = new RtcpFeedback("nack", null);
    public static final RtcpFeedback PLI = new RtcpFeedback("nack", "pli");
    public static final RtcpFeedback FIR = new RtcpFeedback("ccm", "fir");
    public static final RtcpFeedback REMB = new RtcpFeedback("goog-remb", null);
    public static final RtcpFeedback TRANSPORT_CC = new RtcpFeedback("transport-cc", null);

    public RtcpFeedback {
        Objects.requireNonNull(type, "type");
    }

    /** The part of {@code a=rtcp-fb:<pt> ...} after the payload type. */
    public String toSdpValue() {
        return parameter == null ? type : type + " " + parameter;
    }
}
