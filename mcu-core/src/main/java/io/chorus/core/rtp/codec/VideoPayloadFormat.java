package io.chorus.core.rtp.codec;

import io.chorus.core.MalformedPacketException;

/** What {@link VideoFrameAssembler} needs to know about one video payload format. */
public interface VideoPayloadFormat {
    /**
     * The codec bytes one non-empty payload contributes to its frame (fragments concatenate in
     * sequence order into the frame), whether the packet can begin a frame, and whether it shows
     * that its frame is a key frame.
     */
    Fragment parse(byte[] buffer, int offset, int length) throws MalformedPacketException;

    /** Picture size from an assembled key frame's own headers, {@link Dimensions#UNKNOWN} if absent. */
    Dimensions dimensions(byte[] keyFrame);

    /**
     * Whether a packet after the first of its frame can show that the frame is a key frame: an H.264 IDR
     * slice may follow the parameter sets in a later packet. A format that says so only at the frame's
     * start returns false, and a packet that merely looks like a start (a stray VP8 S=1 partition 0 inside
     * a frame) then cannot turn a delta frame into a key frame.
     */
    default boolean keyFrameInLaterPackets() {
        return true;
    }

    /** How sure a packet is that it is the first of its frame. */
    enum FrameStart {
        /** It continues a frame (a later VP8 partition or packet, an FU-A continuation). */
        NO,
        /** It begins a unit that may or may not be the frame's first (any H.264 NAL unit). */
        POSSIBLE,
        /** The payload says so itself (VP8 S=1 with partition 0, an H.264 SPS or access unit delimiter). */
        CERTAIN
    }

    record Fragment(byte[] data, FrameStart start, boolean keyFrame) {
    }
}
