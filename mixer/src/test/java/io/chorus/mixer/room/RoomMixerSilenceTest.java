package io.chorus.mixer.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.core.rtp.AudioLevelExtension;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.audio.AudioFormat;
import io.chorus.mixer.audio.AudioLevel;
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

/**
 * Audio work follows the speakers: with RFC 6464 levels on every packet, as browsers send them,
 * silent listeners are not decoded at all, and a voice that starts mid-call is heard from its first
 * frame although its decoder was idle until then.
 */
class RoomMixerSilenceTest {
    private static final ExecutorService DECODE_POOL = Executors.newFixedThreadPool(1);
    private static final int FRAMES = 150;
    private static final int LATE_START = 60;
    private static final int LATE_FRAMES = 40;
    private static final double TALKER_HZ = 400;
    private static final double LATE_HZ = 1_000;

    @AfterAll
    static void stopPool() {
        DECODE_POOL.shutdownNow();
    }

    @Test
    void silentListenersCostNoDecodingAndALateVoiceIsHeardFromItsFirstFrame() throws Exception {
        RoomMixerConfig config = RoomMixerConfig.defaults().withCanvas(160, 90, 5);
        List<EncodedFrame> heard = Collections.synchronizedList(new ArrayList<>());
        List<MixerParticipant> ps = new ArrayList<>();
        try (RoomMixer room = new RoomMixer("quiet", config, DECODE_POOL, MixerEvents.NONE)) {
            for (int i = 0; i < 6; i++) {
                ps.add(room.addParticipant("p" + i, "P" + i, null));
            }
            room.subscribeAudio("p5", heard::add);
            send(ps);
        }
        // Up to ten frames may still sit in the jitter buffer when the room closes.
        for (int i = 2; i < 6; i++) {
            long skipped = ps.get(i).audio().skippedDecodes();
            assertTrue(skipped >= FRAMES - 10, "p" + i + " skipped " + skipped + " of " + FRAMES + " silent frames");
        }
        assertTrue(ps.get(1).audio().skippedDecodes() >= FRAMES - LATE_FRAMES - 10,
                "the late talker was not decoded while silent: " + ps.get(1).audio().skippedDecodes());
        assertEquals(0, ps.get(0).audio().skippedDecodes(), "the talker is always mixed, so always decoded");

        int lateFramesHeard = framesWithTone(heard, LATE_HZ);
        // A cut start loses about five frames (the ~100 ms a smoothed level takes to rise); a busy
        // host may cost one or two frames at the edges.
        assertTrue(lateFramesHeard >= LATE_FRAMES - 3,
                "the late voice is heard in " + lateFramesHeard + " of its " + LATE_FRAMES + " frames: its start was cut");
        assertTrue(framesWithTone(heard, TALKER_HZ) >= FRAMES - 20, "the talker is heard throughout");
    }

    /** p0 talks throughout, p1 only from LATE_START for LATE_FRAMES, everyone else is silent. */
    private static void send(List<MixerParticipant> ps) throws InterruptedException {
        List<OpusEncoder> encoders = new ArrayList<>();
        try {
            for (int i = 0; i < ps.size(); i++) {
                encoders.add(OpusLibrary.encoder(48_000));
            }
            short[] silence = new short[AudioFormat.SAMPLES_PER_FRAME];
            long start = System.nanoTime();
            for (int f = 0; f < FRAMES; f++) {
                for (int i = 0; i < ps.size(); i++) {
                    boolean lateTalking = f >= LATE_START && f < LATE_START + LATE_FRAMES;
                    short[] pcm = i == 0 ? TestTones.sineFrame(TALKER_HZ, -12, f)
                            : i == 1 && lateTalking ? TestTones.sineFrame(LATE_HZ, -12, f) : silence;
                    int level = pcm == silence ? AudioLevelExtension.SILENCE : AudioLevel.fromPcm(pcm);
                    ps.get(i).pushAudio(EncodedFrame.audio(encoders.get(i).encode(pcm), 960L * f), level,
                            System.nanoTime());
                }
                long wait = start + (f + 1) * 20_000_000L - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            Thread.sleep(200);
        } finally {
            encoders.forEach(OpusEncoder::close);
        }
    }

    /** 20 ms frames of the received stream in which the tone stands above -40 dBFS. */
    private static int framesWithTone(List<EncodedFrame> frames, double hz) {
        int count = 0;
        try (OpusDecoder decoder = OpusLibrary.decoder()) {
            short[] out = new short[OpusDecoder.MAX_SAMPLES];
            short[] frame = new short[AudioFormat.SAMPLES_PER_FRAME];
            synchronized (frames) {
                for (EncodedFrame f : frames) {
                    int n = decoder.decode(f.data(), 0, f.data().length, out);
                    System.arraycopy(out, 0, frame, 0, Math.min(n, frame.length));
                    if (Goertzel.dbfs(frame, hz) > -40) {
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
