package io.chorus.mixer.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.codec.OpusEncoder;
import io.chorus.mixer.codec.OpusLibrary;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.codec.VideoEncoder;
import io.chorus.mixer.codec.VideoEncoderSettings;
import io.chorus.mixer.output.VideoProfile;
import io.chorus.mixer.video.I420Picture;
import io.chorus.mixer.video.YuvColour;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Runs in its own JVM with a fixed, pre-touched heap (see the module's surefire configuration), so
 * resident size measures native memory. Native memory: FFmpeg objects are freed on close, not left to the garbage collector. A thousand
 * rooms, each with four decoding inputs, an encoded output and the audio encoders, leave the
 * process's resident size flat.
 */
class RoomMixerMemoryTest {
    private static final int CYCLES = 1000;
    private static final int WARM_UP = 100;

    @Test
    void createAndCloseAThousandRoomsWithFourInputsKeepsRssFlat() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        byte[] keyFrame;
        byte[] opus;
        try (VideoEncoder encoder = new VideoEncoder(VideoEncoderSettings.realtime(VideoCodec.VP8, 160, 120, 10, 100_000));
                OpusEncoder audio = OpusLibrary.encoder(32_000)) {
            I420Picture picture = new I420Picture(160, 120);
            picture.fill(YuvColour.fromRgb(10, 200, 10));
            keyFrame = encoder.encode(picture, 0, true).data();
            opus = audio.encode(new short[960]);
        }
        RoomMixerConfig config = RoomMixerConfig.defaults().withCanvas(160, 90, 10);
        long warmRss = 0;
        try {
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                try (RoomMixer room = new RoomMixer("mem", config, pool, MixerEvents.NONE)) {
                    for (int i = 0; i < 4; i++) {
                        MixerParticipant p = room.addParticipant("p" + i, "P" + i, VideoCodec.VP8);
                        p.pushVideo(new EncodedFrame(keyFrame, 0, true, 160, 120));
                        p.pushAudio(EncodedFrame.audio(opus, 0), -1, System.nanoTime());
                    }
                    room.subscribeVideo("p0", new VideoProfile(VideoCodec.VP8, 160, 90, 100_000), f -> { });
                    room.subscribeAudio("p0", f -> { });
                    room.subscribeAudio("p1", f -> { });
                    if (cycle % 100 == 0) {
                        awaitVideoTicks(room);
                    }
                }
                if (cycle == WARM_UP) {
                    System.gc();
                    warmRss = rssKib();
                }
            }
            System.gc();
            long endRss = rssKib();
            System.out.printf("RSS after %d rooms: %d KiB, after %d: %d KiB%n", WARM_UP, warmRss, CYCLES, endRss);
            assertTrue(endRss <= warmRss * 1.10, "RSS grew from " + warmRss + " KiB to " + endRss + " KiB");
            // A leaked VP8 encoder or decoder alone holds hundreds of KiB; 900 rooms of leaks would show.
            long perRoom = (endRss - warmRss) / (CYCLES - WARM_UP);
            assertTrue(perRoom < 32, "RSS grew " + perRoom + " KiB per room");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("codec-lifecycle-mem") || t.getName().equals("audio-mem")
                        || t.getName().equals("video-mem"))
                .filter(Thread::isAlive).count(), "every room's threads ended");
    }

    /** Every hundredth room runs until it has composed and encoded, so the outputs' natives exist too. */
    private static void awaitVideoTicks(RoomMixer room) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (room.stats().videoTicks() < 3 || room.stats().videoEncodersOpen() == 0) {
            assertTrue(System.nanoTime() < deadline, "the room did not run: " + room.stats());
            Thread.sleep(20);
        }
    }

    private static long rssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }
}
