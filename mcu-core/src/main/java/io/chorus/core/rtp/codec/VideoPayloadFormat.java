package io.chorus.core.rtp.codec;

import io.chorus.core.MalformedPacketException;

/** What {@link VideoFrameAssembler} needs to know about one video payload format. */
public interface VideoPayloadFormat {
    /**
     * The codec bytes one packet contributes to its frame (fragments concatenate in sequence
     * order into the frame), and whether the packet can be the first of a frame.
     */
    Fragment parse(byte[] buffer, int offset, int length) throws MalformedPacketException;

    /** Whether the assembled frame decodes on its own. */
    boolean isKeyFrame(byte[] frame);

    /** {width, height} from a key frame's header, or {0, 0} when the format does not carry them. */
    int[] dimensions(byte[] frame);

    record Fragment(byte[] data, boolean frameStart) {
    }
}
