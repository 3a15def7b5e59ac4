package io.chorus.mixer.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.codec.VideoEncoder;
import io.chorus.mixer.output.VideoProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Key frames scheduled by media time land on the first frame stamped at or after the time asked for. */
class RoomMixerKeyFrameTest {
    private static final ExecutorService DECODE_POOL = Executors.newFixedThreadPool(1);
    private static final VideoProfile PROFILE = new VideoProfile(VideoCodec.VP8, 160, 90, 100_000);
    private static final long ONE_SECOND = VideoEncoder.RTP_VIDEO_CLOCK;

    @AfterAll
    static void stopPool() {
        DECODE_POOL.shutdownNow();
    }

    @Test
    void aScheduledKeyFrameIsTheFirstFrameAtItsTimeAndTheEarliestScheduleWins() throws Exception {
        BlockingQueue<EncodedFrame> frames = new LinkedBlockingQueue<>();
        try (RoomMixer room = new RoomMixer("keys", RoomMixerConfig.defaults().withCanvas(160, 90, 10), DECODE_POOL,
                MixerEvents.NONE)) {
            room.subscribeVideo("viewer", PROFILE, frames::add);
            EncodedFrame first = next(frames);
            assertTrue(first.keyFrame(), "a new receiver starts on a key frame");
            room.scheduleKeyFrame("viewer", first.timestamp() + 2 * ONE_SECOND);
            room.scheduleKeyFrame("viewer", first.timestamp() + ONE_SECOND);
            room.scheduleKeyFrame("someone-else", first.timestamp() + ONE_SECOND / 2);

            EncodedFrame frame;
            do {
                frame = next(frames);
                assertTrue(!frame.keyFrame() || frame.timestamp() >= first.timestamp() + ONE_SECOND,
                        "key frame at " + (frame.timestamp() - first.timestamp()) + " before the 1 s schedule");
            } while (frame.timestamp() < first.timestamp() + ONE_SECOND);
            assertTrue(frame.keyFrame(), "the first frame at or after 1 s is a key frame");

            // The key frame at 1 s satisfied the later schedule too: none follows at 2 s.
            List<EncodedFrame> after = drain(frames, first.timestamp() + 3 * ONE_SECOND);
            assertEquals(List.of(), after.stream().filter(EncodedFrame::keyFrame).toList(),
                    "no key frame after the scheduled one");
        }
    }

    private static EncodedFrame next(BlockingQueue<EncodedFrame> frames) throws InterruptedException {
        EncodedFrame frame = frames.poll(5, TimeUnit.SECONDS);
        assertTrue(frame != null, "no frame within 5 s");
        return frame;
    }

    private static List<EncodedFrame> drain(BlockingQueue<EncodedFrame> frames, long untilTimestamp)
            throws InterruptedException {
        List<EncodedFrame> out = new ArrayList<>();
        EncodedFrame frame;
        do {
            frame = next(frames);
            out.add(frame);
        } while (frame.timestamp() < untilTimestamp);
        return out;
    }
}
