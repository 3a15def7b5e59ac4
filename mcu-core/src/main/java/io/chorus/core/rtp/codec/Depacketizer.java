package io.chorus.core.rtp.codec;

import java.util.List;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;

/**
 * Reassembles complete frames from the RTP packets of one stream, in any arrival order. One per
 * incoming SSRC; not thread-safe.
 */
public interface Depacketizer {
    /**
     * Returns the frames this packet completes, oldest first; usually none or one. A packet that
     * throws is not kept: to the depacketizer it is as if it had been lost.
     */
    List<EncodedFrame> push(RtpPacket packet) throws MalformedPacketException;

    /**
     * True once since frames were lost for good and the decoder needs a key frame to resume;
     * reading it clears it.
     */
    boolean needsKeyFrame();

    /** Frames given up because packets never arrived, came too late or could not be used. */
    long framesDropped();
}
