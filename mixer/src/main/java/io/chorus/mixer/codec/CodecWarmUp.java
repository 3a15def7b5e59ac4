package io.chorus.mixer.codec;

import io.chorus.mixer.video.I420Picture;
import java.time.Duration;

/**
 * Opens, uses and closes each codec the server runs once, before the first participant joins. The
 * first open of each codec loads FFmpeg's native libraries and runs cold code (about 0.2 s in all
 * on a 2-core machine), which would otherwise fall on the first join's time to first picture.
 */
public final class CodecWarmUp {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;

    private CodecWarmUp() {
    }

    /** Runs every codec once on a small picture and 20 ms of silence; returns how long it took. */
    public static Duration run() {
        long start = System.nanoTime();
        I420Picture picture = new I420Picture(WIDTH, HEIGHT);
        for (VideoCodec codec : VideoCodec.values()) {
            try (VideoEncoder encoder = new VideoEncoder(new VideoEncoderSettings(codec, WIDTH, HEIGHT, 15, 200_000, 30));
                 VideoDecoder decoder = new VideoDecoder(codec)) {
                var frame = encoder.encode(picture, 0, true);
                if (frame == null || !decoder.decode(frame)) {
                    throw new IllegalStateException(codec + " did not round-trip a key frame while warming up");
                }
                decoder.scaleInto(new I420Picture(WIDTH / 2, HEIGHT / 2));
            }
        }
        try (OpusEncoder encoder = OpusLibrary.encoder(32_000); OpusDecoder decoder = OpusLibrary.decoder()) {
            byte[] packet = encoder.encode(new short[960]);
            decoder.decode(packet, 0, packet.length, new short[OpusDecoder.MAX_SAMPLES]);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
