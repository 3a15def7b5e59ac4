package io.chorus.mixer.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.output.VideoProfile;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A receiver whose link cannot carry video keeps its audio, and no encoder runs for it alone. */
class RoomMixerVideoPauseTest {
    private static final ExecutorService DECODE_POOL = Executors.newFixedThreadPool(1);
    private static final VideoProfile LOW = new VideoProfile(VideoCodec.VP8, 160, 90, 100_000);

    @AfterAll
    static void stopPool() {
        DECODE_POOL.shutdownNow();
    }

    @Test
    void pausedVideoClosesTheEncoderKeepsTheAudioAndResumesFromAKeyFrame() throws Exception {
        RoomMixerConfig config = RoomMixerConfig.defaults().withCanvas(160, 90, 10);
        List<EncodedFrame> video = new CopyOnWriteArrayList<>();
        AtomicInteger audio = new AtomicInteger();
        try (RoomMixer room = new RoomMixer("pause", config, DECODE_POOL, MixerEvents.NONE)) {
            room.addParticipant("a", "Ann", null);
            room.subscribeVideo("a", LOW, video::add);
            room.subscribeAudio("a", f -> audio.incrementAndGet());
            awaitTrue(() -> room.stats().videoEncodersOpen() == 1 && !video.isEmpty(), "video flows");

            room.unsubscribeVideo("a");
            awaitTrue(() -> room.stats().videoEncodersOpen() == 0, "the encoder closes with its last receiver");
            int videoFrames = video.size();
            int audioFrames = audio.get();
            Thread.sleep(500);
            assertTrue(video.size() <= videoFrames + 1, "no video after the pause: " + videoFrames + " -> " + video.size());
            assertTrue(audio.get() >= audioFrames + 10, "audio goes on: " + audioFrames + " -> " + audio.get());

            video.clear();
            room.subscribeVideo("a", LOW, video::add);
            awaitTrue(() -> !video.isEmpty(), "video resumes");
            assertTrue(video.get(0).keyFrame(), "resumed video starts with a key frame");
            assertEquals(1, room.stats().videoEncodersOpen());
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(20);
        }
    }
}
