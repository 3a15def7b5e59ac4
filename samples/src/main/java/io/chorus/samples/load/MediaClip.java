package io.chorus.samples.load;

import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.codec.VideoEncoder;
import io.chorus.mixer.codec.VideoEncoderSettings;
import io.chorus.mixer.video.I420Picture;
import io.chorus.samples.bench.OpusTone;
import java.util.ArrayList;
import java.util.List;

/**
 * A participant's media, encoded once before the run and then sent in a loop, so the clients spend
 * their CPU on the network side only. Video frame i carries counter i; the loop starts with the only
 * key frame, so a receiver that asks for one waits at most one loop (the clients do not answer PLI).
 *
 * @param video one loop of VP8 frames; frame i shows counter i
 * @param audio one loop of 20 ms Opus packets of a tone
 */
record MediaClip(List<byte[]> video, List<byte[]> audio, int width, int height, int fps) {

    MediaClip {
        video = List.copyOf(video);
        audio = List.copyOf(audio);
    }

    /** Encodes {@code loopFrames} frames of pattern {@code colourIndex} and one second of its tone. */
    static MediaClip encode(int colourIndex, int width, int height, int fps, int bitrateBps, int loopFrames) {
        if (loopFrames < 1 || loopFrames > FrameCounter.MAX + 1) {
            throw new IllegalArgumentException("loop must be 1.." + (FrameCounter.MAX + 1) + " frames: " + loopFrames);
        }
        List<byte[]> video = new ArrayList<>(loopFrames);
        TestPattern pattern = new TestPattern(colourIndex, loopFrames);
        I420Picture picture = new I420Picture(width, height);
        try (VideoEncoder encoder = new VideoEncoder(
                new VideoEncoderSettings(VideoCodec.VP8, width, height, fps, bitrateBps, loopFrames))) {
            for (int i = 0; i < loopFrames; i++) {
                pattern.paint(picture, i);
                var frame = encoder.encode(picture, i, i == 0);
                if (frame == null) {
                    throw new IllegalStateException("the VP8 encoder returned no frame for picture " + i);
                }
                video.add(frame.data());
            }
        }
        return new MediaClip(video, OpusTone.loop(colourIndex), width, height, fps);
    }

    int loopFrames() {
        return video.size();
    }
}
