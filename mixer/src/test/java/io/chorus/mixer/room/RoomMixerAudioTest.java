package io.chorus.mixer.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.audio.AudioFormat;
import io.chorus.mixer.audio.Goertzel;
import io.chorus.mixer.audio.TestTones;
import io.chorus.mixer.codec.OpusDecoder;
import io.chorus.mixer.codec.OpusLibrary;
import io.chorus.mixer.codec.OpusEncoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Mix-minus end to end: Opus tones in, each listener's Opus stream decoded and analysed. */
class RoomMixerAudioTest {
    private static final ExecutorService DECODE_POOL = Executors.newFixedThreadPool(2);
    private static final double[] TONES = {300, 500, 700, 900};
    private static final double[] LEVELS_DBFS = {-12, -14, -16, -40};

    @AfterAll
    static void stopPool() {
        DECODE_POOL.shutdownNow();
    }

    @Test
    void eachListenerHearsTheOtherMixedSpeakersAndNotItself() throws Exception {
        RoomMixerConfig config = RoomMixerConfig.defaults().withCanvas(160, 90, 5);
        List<List<EncodedFrame>> received = new ArrayList<>();
        try (RoomMixer room = new RoomMixer("tones", config, DECODE_POOL, MixerEvents.NONE)) {
            List<MixerParticipant> ps = new ArrayList<>();
            for (int i = 0; i < TONES.length; i++) {
                ps.add(room.addParticipant("p" + i, "P" + i, null));
                List<EncodedFrame> sink = Collections.synchronizedList(new ArrayList<>());
                received.add(sink);
                room.subscribeAudio("p" + i, sink::add);
            }
            sendTones(ps, 120);
            assertEquals(ps.size(), room.stats().participants());
            assertTrue(room.stats().audioEncodersOpen() <= 4, "3 mix-minus encoders + 1 full mix at most");
        }
        double[][] db = new double[TONES.length][];
        for (int listener = 0; listener < TONES.length; listener++) {
            db[listener] = toneLevels(received.get(listener));
        }
        for (int listener = 0; listener < 3; listener++) {
            for (int other = 0; other < 3; other++) {
                if (other == listener) {
                    continue;
                }
                assertTrue(db[listener][other] - db[listener][listener] >= 20,
                        "listener " + listener + " hears " + TONES[other] + " Hz 20 dB over its own voice: "
                                + java.util.Arrays.toString(db[listener]));
                assertTrue(db[listener][other] - floor(db[listener]) >= 20, java.util.Arrays.toString(db[listener]));
            }
            assertTrue(db[listener][3] - db[listener][(listener + 1) % 3] <= -20,
                    "the quietest participant is not among the 3 mixed speakers");
        }
        // The fourth participant is not mixed, so it gets the full mix: all three speakers.
        for (int speaker = 0; speaker < 3; speaker++) {
            assertTrue(db[3][speaker] - db[3][3] >= 20, java.util.Arrays.toString(db[3]));
        }
    }

    /** Pushes {@code frames} 20 ms Opus frames of each participant's tone, paced in real time. */
    private static void sendTones(List<MixerParticipant> ps, int frames) throws InterruptedException {
        List<OpusEncoder> encoders = new ArrayList<>();
        try {
            for (int i = 0; i < ps.size(); i++) {
                encoders.add(OpusLibrary.encoder(48_000));
            }
            long start = System.nanoTime();
            for (int f = 0; f < frames; f++) {
                for (int i = 0; i < ps.size(); i++) {
                    short[] pcm = TestTones.sineFrame(TONES[i], LEVELS_DBFS[i], f);
                    ps.get(i).pushAudio(EncodedFrame.audio(encoders.get(i).encode(pcm), 960L * f), -1, System.nanoTime());
                }
                long due = start + (f + 1) * 20_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            Thread.sleep(200);
        } finally {
            encoders.forEach(OpusEncoder::close);
        }
    }

    /** Level in dBFS of each test tone over the last second of the decoded stream. */
    private static double[] toneLevels(List<EncodedFrame> frames) {
        assertTrue(frames.size() > 60, "a listener got " + frames.size() + " audio frames");
        short[] pcm = new short[AudioFormat.SAMPLE_RATE];
        try (OpusDecoder decoder = OpusLibrary.decoder()) {
            short[] out = new short[OpusDecoder.MAX_SAMPLES];
            int start = frames.size() - 50;
            for (int i = 0; i < frames.size(); i++) {
                byte[] data = frames.get(i).data();
                int n = decoder.decode(data, 0, data.length, out);
                if (i >= start) {
                    System.arraycopy(out, 0, pcm, (i - start) * 960, Math.min(n, 960));
                }
            }
        }
        double[] levels = new double[TONES.length + 1];
        for (int t = 0; t < TONES.length; t++) {
            levels[t] = Goertzel.dbfs(pcm, TONES[t]);
        }
        levels[TONES.length] = Goertzel.dbfs(pcm, 1_300);
        return levels;
    }

    private static double floor(double[] levels) {
        return levels[levels.length - 1];
    }
}
