package io.chorus.core.rtp.codec.opus;

import java.util.List;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.Packetizer;
import io.chorus.core.rtp.codec.RtpPayload;

/**
 * RFC 7587: one Opus packet per RTP packet, never fragmented (the format has no way to; at the
 * 20 ms and bitrates WebRTC uses a packet is a few hundred bytes). The marker bit stays clear,
 * since the server sends continuous audio without DTX talkspurts.
 */
public final class OpusPacketizer implements Packetizer {
    @Override
    public List<RtpPayload> packetize(EncodedFrame frame) {
        return List.of(new RtpPayload(frame.data(), false));
    }
}
