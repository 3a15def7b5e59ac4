package io.chorus.core.rtp.codec.vp8;

import java.util.Arrays;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.codec.Dimensions;
import io.chorus.core.rtp.codec.VideoPayloadFormat;

/**
 * VP8 over RTP (RFC 7741): a frame begins at the packet with S=1 and partition 0, whose payload
 * starts with the frame header that tells key frames apart. Partitions simply follow one another
 * in sequence order, so a frame is the concatenation of its packets' payloads after the descriptors.
 */
public final class Vp8Format implements VideoPayloadFormat {
    @Override
    public Fragment parse(byte[] buffer, int offset, int length) throws MalformedPacketException {
        Vp8Descriptor descriptor = Vp8Descriptor.parse(buffer, offset, length);
        int dataOffset = offset + descriptor.length();
        int dataLength = length - descriptor.length();
        if (dataLength <= 0) {
            throw new MalformedPacketException("VP8 payload descriptor of " + descriptor.length()
                    + " bytes with no frame data after it");
        }
        byte[] data = Arrays.copyOfRange(buffer, dataOffset, dataOffset + dataLength);
        if (!descriptor.start() || descriptor.partitionId() != 0) {
            return new Fragment(data, FrameStart.NO, false);
        }
        boolean keyFrame = Vp8FrameHeader.parse(buffer, dataOffset, dataLength).keyFrame();
        return new Fragment(data, FrameStart.CERTAIN, keyFrame);
    }

    /** The frame header in a frame's first packet alone says whether it is a key frame (RFC 7741 4.3). */
    @Override
    public boolean keyFrameInLaterPackets() {
        return false;
    }

    @Override
    public Dimensions dimensions(byte[] keyFrame) {
        try {
            return Vp8FrameHeader.parse(keyFrame, 0, keyFrame.length).size();
        } catch (MalformedPacketException e) {
            return Dimensions.UNKNOWN;
        }
    }
}
