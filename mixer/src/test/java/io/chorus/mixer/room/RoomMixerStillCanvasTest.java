package io.chorus.mixer.room;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.output.VideoProfile;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A room whose picture does not change composes it once and keeps encoding it, frame after frame. */
class RoomMixerStillCanvasTest {
    private static final ExecutorService DECODE_POOL = Executors.newFixedThreadPool(1);

    @AfterAll
    static void stopPool() {
        DECODE_POOL.shutdownNow();
    }

    @Test
    void placeholdersAreComposedOnceAndTheStreamKeepsItsFrameRate() throws Exception {
        RoomMixerConfig config = RoomMixerConfig.defaults().withCanvas(320, 180, 10);
        AtomicInteger frames = new AtomicInteger();
        RoomMixerStats stats;
        try (RoomMixer room = new RoomMixer("still", config, DECODE_POOL, MixerEvents.NONE)) {
            room.addParticipant("a", "Ann", null);
            room.addParticipant("b", "Bob", null);
            room.subscribeVideo("viewer", new VideoProfile(VideoCodec.VP8, 320, 180, 100_000),
                    (EncodedFrame f) -> frames.incrementAndGet());
            Thread.sleep(2_000);
            stats = room.stats();
        }
        assertTrue(stats.videoTicks() >= 15, "ticks ran: " + stats);
        assertTrue(stats.composesSkipped() >= stats.videoTicks() - 3,
                "two placeholders: composed once (or after a layout settles), then skipped: " + stats);
        assertTrue(frames.get() >= stats.videoTicks() - 5, "every tick still sends a frame: " + frames + " of " + stats);
    }
}
