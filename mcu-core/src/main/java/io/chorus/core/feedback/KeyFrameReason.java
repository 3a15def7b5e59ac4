package io.chorus.core.feedback;

/** Why a key frame is requested, carried through to the request for logging. */
public enum KeyFrameReason {
    /** The stream just started, or restarted its sequence numbering; the decoder has nothing to start from. */
    STREAM_START,
    /** Packets were lost beyond repair by NACK. */
    PACKET_LOSS,
    /** The decoder could not decode what it got. */
    DECODER_ERROR,
    /** An earlier request was not answered with a key frame in time. */
    RETRY
}
