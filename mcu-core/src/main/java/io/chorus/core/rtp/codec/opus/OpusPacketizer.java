package io.chorus.core.rtp.codec.opus;

import java.util.List;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.Packetizer;
import io.chorus.core.rtp.codec.RtpPayload;

/** RFC 7587: one Opus packet per RTP packet; the marker bit stays clear (no DTX talkspurts here). */
public final class OpusPacketizer implements Packetizer {
    @Override
    public List<RtpPayload> packetize(EncodedFrame frame) {
        return List.of(new RtpPayload(frame.data(), false));
    }
}
