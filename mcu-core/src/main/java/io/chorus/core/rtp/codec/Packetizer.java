package io.chorus.core.rtp.codec;

import java.util.List;

/** Splits a frame into RTP payloads no larger than the configured MTU. One per outgoing stream. */
public interface Packetizer {
    /** RTP payload budget: 1200 bytes keeps SRTP packets under common path MTUs with room for TURN. */
    int DEFAULT_MTU = 1200;

    List<RtpPayload> packetize(EncodedFrame frame);
}
