package io.chorus.samples.load;

import io.chorus.mixer.audio.AudioFormat;
import io.chorus.mixer.codec.OpusEncoder;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.codec.VideoEncoder;
import io.chorus.mixer.codec.VideoEncoderSettings;
import io.chorus.mixer.video.I420Picture;
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
    static final int AUDIO_BITRATE = 32_000;
    private static final int AUDIO_LOOP_FRAMES = 50;

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
        return new MediaClip(video, tone(colourIndex), width, height, fps);
    }

    private static List<byte[]> tone(int colourIndex) {
        double hz = 300 + 50 * colourIndex;
        short[] pcm = new short[AudioFormat.SAMPLES_PER_FRAME];
        List<byte[]> packets = new ArrayList<>(AUDIO_LOOP_FRAMES);
        try (OpusEncoder encoder = new OpusEncoder(AUDIO_BITRATE)) {
            for (int f = 0; f < AUDIO_LOOP_FRAMES; f++) {
                for (int s = 0; s < pcm.length; s++) {
                    long n = (long) f * pcm.length + s;
                    pcm[s] = (short) (6000 * Math.sin(2 * Math.PI * hz * n / AudioFormat.SAMPLE_RATE));
                }
                packets.add(encoder.encode(pcm));
            }
        }
        return packets;
    }

    int loopFrames() {
        return video.size();
    }
}
