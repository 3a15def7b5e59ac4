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
        long ticks;
        long skipped;
        int sent;
        try (RoomMixer room = new RoomMixer("still", config, DECODE_POOL, MixerEvents.NONE)) {
            room.addParticipant("a", "Ann", null);
            room.addParticipant("b", "Bob", null);
            room.subscribeVideo("viewer", new VideoProfile(VideoCodec.VP8, 320, 180, 100_000),
                    (EncodedFrame f) -> frames.incrementAndGet());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (frames.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            // From the first encoded frame on (the encoder opens on the lifecycle thread).
            RoomMixerStats before = room.stats();
            int framesBefore = frames.get();
            Thread.sleep(2_000);
            RoomMixerStats after = room.stats();
            ticks = after.videoTicks() - before.videoTicks();
            skipped = after.composesSkipped() - before.composesSkipped();
            sent = frames.get() - framesBefore;
        }
        assertTrue(ticks >= 10, "ticks ran: " + ticks);
        assertTrue(skipped >= ticks - 1, "two placeholders, composed already: " + skipped + " of " + ticks + " skipped");
        assertTrue(sent >= ticks - 2, "every tick still sends a frame: " + sent + " of " + ticks);
    }
}
