package io.chorus.recorder.file;

import io.chorus.mixer.room.RoomMixerConfig;

/**
 * Tunables of a room recording.
 *
 * @param videoBitrateBps the recorder's video profile bitrate, 0 to derive it from the canvas
 *                        ({@value #BITS_PER_PIXEL} bit per pixel per frame, within 300 kb/s..8 Mb/s)
 * @param aacBitrateBps   AAC bitrate for MP4
 * @param queueCapacity   frames the writer may fall behind before frames are dropped
 */
public record RecordingOptions(int videoBitrateBps, int aacBitrateBps, int queueCapacity) {
    static final double BITS_PER_PIXEL = 0.1;
    /** About 8 s of 30 fps video plus 50 audio frames a second. */
    static final int DEFAULT_QUEUE_CAPACITY = 640;

    public RecordingOptions {
        if (videoBitrateBps != 0 && (videoBitrateBps < 30_000 || videoBitrateBps > 20_000_000)) {
            throw new IllegalArgumentException("recording video bitrate must be 0 (auto) or 30 kb/s..20 Mb/s: " + videoBitrateBps);
        }
        if (queueCapacity < 16) {
            throw new IllegalArgumentException("recording queue capacity must be >= 16: " + queueCapacity);
        }
    }

    public static RecordingOptions defaults() {
        return new RecordingOptions(0, 96_000, DEFAULT_QUEUE_CAPACITY);
    }

    int videoBitrateBps(RoomMixerConfig room) {
        if (videoBitrateBps != 0) {
            return videoBitrateBps;
        }
        double auto = BITS_PER_PIXEL * room.canvasWidth() * room.canvasHeight() * room.fps();
        return (int) Math.max(300_000, Math.min(8_000_000, auto));
    }
}
