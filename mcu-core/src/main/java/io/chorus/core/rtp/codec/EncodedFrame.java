package io.chorus.core.rtp.codec;

import java.util.Objects;

/**
 * One complete encoded frame, codec bytes only (no RTP): a VP8 frame, an H.264 access unit in
 * Annex B byte-stream form, or one Opus packet.
 *
 * @param timestamp     RTP timestamp in the codec's clock (90 kHz video, 48 kHz Opus)
 * @param keyFrame      decodable without earlier frames (VP8 key frame, H.264 IDR; always true for Opus)
 * @param width         picture width from a key frame header, 0 when unknown
 * @param height        picture height from a key frame header, 0 when unknown
 * @param firstSequence RTP sequence number of the frame's first packet, {@link #NO_SEQUENCE} for a
 *                      frame that did not come from RTP
 * @param lastSequence  RTP sequence number of the frame's last packet, or {@link #NO_SEQUENCE}
 */
public record EncodedFrame(byte[] data, long timestamp, boolean keyFrame, int width, int height,
        int firstSequence, int lastSequence) {
    public static final int NO_SEQUENCE = -1;

    public EncodedFrame {
        Objects.requireNonNull(data, "data");
    }

    /** A frame the server produced itself (no RTP packets behind it). */
    public EncodedFrame(byte[] data, long timestamp, boolean keyFrame, int width, int height) {
        this(data, timestamp, keyFrame, width, height, NO_SEQUENCE, NO_SEQUENCE);
    }

    public static EncodedFrame audio(byte[] data, long timestamp) {
        return new EncodedFrame(data, timestamp, true, 0, 0);
    }
}
