package io.chorus.mixer.codec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.video.I420Picture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Native memory is invisible to the Java heap, so a missed free only shows in the process' resident
 * size. Each round opens a VP8 encoder and decoder, pushes a frame through both (so every lazily
 * allocated buffer exists), scales it twice (two scalers, each with a 960x540 staging picture), and
 * closes them; a leak of any codec context, frame or scaler adds at least 300 kB per round.
 */
class CodecLeakTest {
    private static final int WARM_UP_ROUNDS = 30;
    private static final int ROUNDS = 200;
    private static final long SLACK_KB = 8 * 1024;

    @Test
    void openingAndClosingCodecsDoesNotGrowNativeMemory() throws IOException {
        I420Picture picture = TestPictures.withRectangle(640, 360, TestPictures.BLUE, TestPictures.RED, 10, 10, 50, 50);
        I420Picture target = new I420Picture(960, 540);
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            round(picture, target);
        }
        long before = residentKb();
        for (int i = 0; i < ROUNDS; i++) {
            round(picture, target);
        }
        long after = residentKb();
        assertTrue(after <= before + before / 10 + SLACK_KB,
                "resident memory grew from " + before + " kB to " + after + " kB over " + ROUNDS + " rounds");
    }

    private static void round(I420Picture picture, I420Picture target) {
        try (VideoEncoder encoder = new VideoEncoder(VideoEncoderSettings.realtime(VideoCodec.VP8, 640, 360, 30, 300_000));
                VideoDecoder decoder = new VideoDecoder(VideoCodec.VP8)) {
            EncodedFrame frame = encoder.encode(picture, 0, false);
            assertTrue(decoder.decode(frame));
            decoder.scaleInto(target);
            decoder.scaleInto(target, 1, 1, 400, 240);
        }
    }

    private static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
