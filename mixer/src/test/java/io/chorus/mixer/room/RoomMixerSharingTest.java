package io.chorus.mixer.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.audio.TestTones;
import io.chorus.mixer.codec.OpusEncoder;
import io.chorus.mixer.codec.OpusLibrary;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.output.VideoProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Outputs are shared: one video encoder per profile, and at most (mixed speakers + 1) Opus encoders. */
class RoomMixerSharingTest {
    private static final ExecutorService DECODE_POOL = Executors.newFixedThreadPool(2);
    private static final VideoProfile PROFILE = new VideoProfile(VideoCodec.VP8, 320, 180, 300_000);

    @AfterAll
    static void stopPool() {
        DECODE_POOL.shutdownNow();
    }

    @ParameterizedTest(name = "{0} listeners, 3 speaking")
    @CsvSource({"2, 3", "9, 4", "16, 4"})
    void encoderCountsDoNotGrowWithListeners(int listeners, int expectedAudioEncoders) throws Exception {
        RoomMixerConfig config = RoomMixerConfig.defaults().withCanvas(320, 180, 10);
        AtomicLongArray videoFrames = new AtomicLongArray(listeners);
        AtomicLongArray audioFrames = new AtomicLongArray(listeners);
        try (RoomMixer room = new RoomMixer("share", config, DECODE_POOL, MixerEvents.NONE)) {
            List<MixerParticipant> ps = new ArrayList<>();
            for (int i = 0; i < listeners; i++) {
                int index = i;
                ps.add(room.addParticipant("p" + i, "P" + i, VideoCodec.VP8));
                room.subscribeVideo("p" + i, PROFILE, f -> videoFrames.incrementAndGet(index));
                room.subscribeAudio("p" + i, f -> audioFrames.incrementAndGet(index));
            }
            speak(ps.subList(0, Math.min(3, listeners)), 60);
            RoomMixerStats stats = room.stats();
            assertEquals(1, stats.videoEncodersOpen(), "one VP8 encoder for everyone on the same profile");
            assertEquals(expectedAudioEncoders, stats.audioEncodersOpen(), "mix-minus encoders plus one full mix");
            assertTrue(stats.audioEncodersInUse() <= expectedAudioEncoders);
            for (int i = 0; i < listeners; i++) {
                assertTrue(videoFrames.get(i) >= 3, "listener " + i + " got " + videoFrames.get(i) + " video frames");
                assertTrue(audioFrames.get(i) >= 15, "listener " + i + " got " + audioFrames.get(i) + " audio frames");
            }
        }
    }

    /** The speakers send distinct tones for {@code frames} x 20 ms, paced in real time. */
    private static void speak(List<MixerParticipant> speakers, int frames) throws InterruptedException {
        List<OpusEncoder> encoders = new ArrayList<>();
        try {
            for (int i = 0; i < speakers.size(); i++) {
                encoders.add(OpusLibrary.encoder(32_000));
            }
            long start = System.nanoTime();
            for (int f = 0; f < frames; f++) {
                for (int i = 0; i < speakers.size(); i++) {
                    short[] pcm = TestTones.sineFrame(400 + 200 * i, -12, f);
                    speakers.get(i).pushAudio(EncodedFrame.audio(encoders.get(i).encode(pcm), 960L * f), -1,
                            System.nanoTime());
                }
                long wait = start + (f + 1) * 20_000_000L - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        } finally {
            encoders.forEach(OpusEncoder::close);
        }
    }
}
