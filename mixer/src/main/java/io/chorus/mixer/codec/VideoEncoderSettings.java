package io.chorus.mixer.codec;

import java.util.Objects;

/**
 * What a {@link VideoEncoder} produces: codec, picture size, frame rate, target bitrate and the
 * longest gap between key frames.
 *
 * @param keyFrameIntervalFrames frames between periodic key frames; WebRTC receivers ask for key frames
 *                               when they need them (PLI/FIR), so the default is long
 */
public record VideoEncoderSettings(VideoCodec codec, int width, int height, int fps, int bitrateBps,
        int keyFrameIntervalFrames) {
    public static final int MIN_BITRATE_BPS = 30_000;
    public static final int MAX_BITRATE_BPS = 20_000_000;
    public static final int MAX_DIMENSION = 4096;
    public static final int MAX_FPS = 60;
    /** One key frame every 100 s at 30 fps: a safety net, not the recovery mechanism. */
    public static final int DEFAULT_KEY_FRAME_INTERVAL_FRAMES = 3000;

    public VideoEncoderSettings {
        Objects.requireNonNull(codec, "codec");
        if (width < 2 || height < 2 || width > MAX_DIMENSION || height > MAX_DIMENSION
                || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("picture size must be even and within 2.." + MAX_DIMENSION + ": "
                    + width + "x" + height);
        }
        if (fps < 1 || fps > MAX_FPS) {
            throw new IllegalArgumentException("fps must be 1.." + MAX_FPS + ": " + fps);
        }
        checkBitrate(bitrateBps);
        if (keyFrameIntervalFrames < 1) {
            throw new IllegalArgumentException("key frame interval must be at least one frame: "
                    + keyFrameIntervalFrames);
        }
    }

    /** Realtime settings with the default (long) key frame interval. */
    public static VideoEncoderSettings realtime(VideoCodec codec, int width, int height, int fps, int bitrateBps) {
        return new VideoEncoderSettings(codec, width, height, fps, bitrateBps, DEFAULT_KEY_FRAME_INTERVAL_FRAMES);
    }

    public VideoEncoderSettings withBitrate(int newBitrateBps) {
        return new VideoEncoderSettings(codec, width, height, fps, newBitrateBps, keyFrameIntervalFrames);
    }

    static void checkBitrate(int bitrateBps) {
        if (bitrateBps < MIN_BITRATE_BPS || bitrateBps > MAX_BITRATE_BPS) {
            throw new IllegalArgumentException("bitrate must be " + MIN_BITRATE_BPS + ".." + MAX_BITRATE_BPS
                    + " bit/s: " + bitrateBps);
        }
    }
}
