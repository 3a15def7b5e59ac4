package io.chorus.recorder.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.codec.OpusEncoder;
import io.chorus.mixer.codec.OpusLibrary;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.codec.VideoEncoder;
import io.chorus.mixer.codec.VideoEncoderSettings;
import io.chorus.mixer.video.I420Picture;
import io.chorus.mixer.video.YuvColour;
import io.chorus.recorder.testing.MediaProbe;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remuxing incoming frames: arrival instants are given, so no real time passes here. */
class ParticipantRecordingTest {
    private static final long MS = 1_000_000;
    private static final long ORIGIN = 5_000 * MS;

    @TempDir
    Path dir;

    @Test
    void filesOfTwoParticipantsLineUpOnTheRoomClockAndStartAtAKeyFrame() {
        AtomicInteger keyFrameRequests = new AtomicInteger();
        ParticipantRecording alice = ParticipantRecording.start(dir, "room", "alice", VideoCodec.VP8, RecordingFormat.WEBM,
                RecordingOptions.defaults(), ORIGIN, keyFrameRequests::incrementAndGet, Clock.systemUTC(), s -> { });
        ParticipantRecording bob = ParticipantRecording.start(dir, "room", "bob", VideoCodec.VP8, RecordingFormat.MKV,
                RecordingOptions.defaults(), ORIGIN, () -> { }, Clock.systemUTC(), s -> { });
        // Alice's first frames are not key frames: they are dropped until her key frame at 200 ms.
        feed(alice, 0, 3000, 200, 123_456_789L);
        // Bob joins 1.5 s into the session; his RTP clock starts elsewhere.
        feed(bob, 1500, 3000, 0, 4_000_000_000L);
        RecordingResult a = alice.stop();
        RecordingResult b = bob.stop();
        assertEquals(RecordingState.FINISHED, a.state());
        assertEquals(RecordingState.FINISHED, b.state());
        assertTrue(keyFrameRequests.get() > 0, "a key frame was asked for while waiting");
        assertEquals(List.of("vp8", "opus"), MediaProbe.codecs(a.file()));
        assertEquals(List.of("vp8", "opus"), MediaProbe.codecs(b.file()));
        assertTrue(a.file().getFileName().toString().startsWith("room-alice-") && a.file().toString().endsWith(".webm"));
        double[] aliceTimes = MediaProbe.videoFrameTimes(a.file());
        double[] bobTimes = MediaProbe.videoFrameTimes(b.file());
        assertEquals(0.2, aliceTimes[0], 0.02, "alice's file starts at her key frame");
        assertEquals(1.5, bobTimes[0], 0.02, "bob's file starts where he joined the room");
        assertEquals(3.0, MediaProbe.endSeconds(a.file(), "v"), 0.1);
        assertEquals(3.0, MediaProbe.endSeconds(b.file(), "a"), 0.1);
    }

    @Test
    void rejectsWhatItCannotRecord() {
        assertThrows(IllegalArgumentException.class, () -> ParticipantRecording.start(dir, "room", "p", VideoCodec.VP8,
                RecordingFormat.MP4, RecordingOptions.defaults(), 0, () -> { }, Clock.systemUTC(), s -> { }));
        assertThrows(IllegalArgumentException.class, () -> ParticipantRecording.start(dir, "room", "p", VideoCodec.H264,
                RecordingFormat.MKV, RecordingOptions.defaults(), 0, () -> { }, Clock.systemUTC(), s -> { }));
        assertThrows(IllegalArgumentException.class, () -> ParticipantRecording.start(dir, "room", "../p", VideoCodec.VP8,
                RecordingFormat.WEBM, RecordingOptions.defaults(), 0, () -> { }, Clock.systemUTC(), s -> { }));
    }

    /**
     * Sends 30 fps video and 20 ms audio from {@code fromMs} to {@code toMs} of room time (relative to
     * ORIGIN), arriving with up to 15 ms of random network delay; the first key frame at {@code keyAtMs}.
     */
    private static void feed(ParticipantRecording recording, long fromMs, long toMs, long keyAtMs, long rtpBase) {
        Random jitter = new Random(7);
        try (VideoEncoder video = new VideoEncoder(VideoEncoderSettings.realtime(VideoCodec.VP8, 320, 240, 30, 300_000));
                OpusEncoder opus = OpusLibrary.encoder(32_000)) {
            I420Picture picture = new I420Picture(320, 240);
            picture.fill(YuvColour.fromRgb(200, 100, 50));
            long frameIndex = 0;
            for (long t = fromMs; t < toMs; t += 20) {
                long sinceStart = t - fromMs;
                long audioRtp = (rtpBase + sinceStart * 48) & 0xFFFFFFFFL;
                recording.onAudio(EncodedFrame.audio(opus.encode(new short[960]), audioRtp), ORIGIN + (t + jitter.nextInt(15)) * MS);
                while (frameIndex * 1000 / 30 <= sinceStart + 20 && fromMs + frameIndex * 1000 / 30 < toMs) {
                    long frameMs = frameIndex * 1000 / 30;
                    boolean key = frameIndex == 0 || (frameMs >= keyAtMs && frameMs - 1000 / 30 < keyAtMs);
                    EncodedFrame f = video.encode(picture, frameIndex, key);
                    long rtp = (rtpBase * 90 / 48 + frameIndex * 3000) & 0xFFFFFFFFL;
                    boolean sendable = keyAtMs == 0 || frameMs >= keyAtMs || !f.keyFrame();
                    if (sendable) {
                        recording.onVideo(new EncodedFrame(f.data(), rtp, f.keyFrame(), f.width(), f.height()),
                                ORIGIN + (fromMs + frameMs + jitter.nextInt(15)) * MS);
                    }
                    frameIndex++;
                }
            }
        }
    }
}
