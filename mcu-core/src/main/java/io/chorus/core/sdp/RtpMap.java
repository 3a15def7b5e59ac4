package io.chorus.core.sdp;

/**
 * {@code a=rtpmap:<payload type> <encoding name>/<clock rate>[/<channels>]} (RFC 8866 section 6.6).
 *
 * @param channels 1 when the line does not say
 */
record RtpMap(int payloadType, String encoding, int clockRate, int channels) {

    static RtpMap parse(String value) throws SdpException {
        String[] tokens = SdpTokens.split(value);
        if (tokens.length != 2) {
            throw new SdpException("expected '<payload type> <encoding>/<clock rate>[/<channels>]'");
        }
        int payloadType = SdpTokens.payloadType(tokens[0]);
        String[] encoding = tokens[1].split("/", -1);
        if (encoding.length < 2 || encoding.length > 3 || encoding[0].isEmpty()) {
            throw new SdpException("bad encoding '" + tokens[1] + "'");
        }
        int clockRate = SdpTokens.integer(encoding[1], 1, Integer.MAX_VALUE, "clock rate");
        int channels = encoding.length == 3 ? SdpTokens.integer(encoding[2], 1, 255, "channel count") : 1;
        return new RtpMap(payloadType, encoding[0], clockRate, channels);
    }
}
