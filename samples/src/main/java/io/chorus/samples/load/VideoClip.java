package io.chorus.samples.load;

import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.codec.VideoEncoder;
import io.chorus.mixer.codec.VideoEncoderSettings;
import io.chorus.mixer.video.I420Picture;
import java.util.ArrayList;
import java.util.List;

/**
 * One variant's loop of VP8 frames, encoded once before the run. The loop starts with its only key
 * frame, so a receiver that asks for one waits at most one loop (the clients do not answer PLI),
 * and a camera switching variants starts the new one there. Frame positions count at the pacer's
 * full rate: a half-rate loop holds the even positions, so frame {@code i} shows counter
 * {@code i * step} and the send log needs no translation.
 *
 * @param frames one loop; frame i shows counter {@code i * step}
 * @param step   pacer ticks per frame: 1 at the full rate, 2 at half
 */
record VideoClip(VideoVariant variant, List<byte[]> frames, int step) {

    VideoClip {
        frames = List.copyOf(frames);
    }

    /**
     * @param fullRate   the pacer's rate; {@code variant.fps()} must be it or half of it
     * @param loopFrames positions in one loop at the full rate (the counter wraps there)
     */
    static VideoClip encode(int colourIndex, VideoVariant variant, int fullRate, int loopFrames) {
        if (loopFrames < 1 || loopFrames > FrameCounter.MAX + 1) {
            throw new IllegalArgumentException("loop must be 1.." + (FrameCounter.MAX + 1) + " frames: " + loopFrames);
        }
        if (fullRate % variant.fps() != 0 || loopFrames % (fullRate / variant.fps()) != 0) {
            throw new IllegalArgumentException(variant.label() + " does not divide a " + loopFrames + "-frame loop at "
                    + fullRate + " fps");
        }
        int step = fullRate / variant.fps();
        int frameCount = loopFrames / step;
        List<byte[]> frames = new ArrayList<>(frameCount);
        TestPattern pattern = new TestPattern(colourIndex, loopFrames);
        I420Picture picture = new I420Picture(variant.width(), variant.height());
        try (VideoEncoder encoder = new VideoEncoder(new VideoEncoderSettings(VideoCodec.VP8, variant.width(),
                variant.height(), variant.fps(), variant.bitrateBps(), frameCount))) {
            for (int i = 0; i < frameCount; i++) {
                pattern.paint(picture, i * step);
                var frame = encoder.encode(picture, i, i == 0);
                if (frame == null) {
                    throw new IllegalStateException("the VP8 encoder returned no frame for picture " + i + " of "
                            + variant.label());
                }
                frames.add(frame.data());
            }
        }
        return new VideoClip(variant, frames, step);
    }
}
