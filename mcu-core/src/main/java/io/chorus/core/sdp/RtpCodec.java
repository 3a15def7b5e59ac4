package io.chorus.core.sdp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One payload type of an m-line with what the rtpmap, fmtp and rtcp-fb attributes say about it.
 *
 * @param channels 1 unless the rtpmap says otherwise
 * @param fmtp the format parameters as written, or null
 */
public record RtpCodec(int payloadType, String encoding, int clockRate, int channels, String fmtp,
        List<RtcpFeedback> feedback) {

    public RtpCodec {
        feedback = List.copyOf(feedback);
    }

    public boolean isEncoding(String name) {
        return encoding.equalsIgnoreCase(name);
    }

    /** The rtpmap value after the payload type, e.g. {@code opus/48000/2}. */
    public String rtpmapValue() {
        return encoding + "/" + clockRate + (channels > 1 ? "/" + channels : "");
    }

    /** The fmtp as {@code key=value} pairs separated by ';' (RFC 8866 section 6.15 leaves the syntax to each codec). */
    public Map<String, String> fmtpParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (fmtp != null) {
            for (String pair : fmtp.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(pair.substring(0, equals).strip().toLowerCase(Locale.ROOT),
                            pair.substring(equals + 1).strip());
                }
            }
        }
        return parameters;
    }

    public Optional<String> fmtpParameter(String key) {
        return Optional.ofNullable(fmtpParameters().get(key.toLowerCase(Locale.ROOT)));
    }

    /**
     * The same codec with one fmtp parameter set (added, or replacing the offered value), the other
     * parameters kept in their order.
     */
    public RtpCodec withFmtpParameter(String key, String value) {
        Map<String, String> parameters = fmtpParameters();
        parameters.put(key.toLowerCase(Locale.ROOT), value);
        StringBuilder joined = new StringBuilder();
        parameters.forEach((k, v) -> joined.append(joined.length() == 0 ? "" : ";").append(k).append('=').append(v));
        return new RtpCodec(payloadType, encoding, clockRate, channels, joined.toString(), feedback);
    }

    public RtpCodec withFeedback(List<RtcpFeedback> kept) {
        return new RtpCodec(payloadType, encoding, clockRate, channels, fmtp, kept);
    }
}
