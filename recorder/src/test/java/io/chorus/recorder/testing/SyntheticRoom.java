package io.chorus.recorder.testing;

import io.chorus.core.feedback.NtpTime;
import io.chorus.core.rtp.MediaKind;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.codec.OpusEncoder;
import io.chorus.mixer.codec.OpusLibrary;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.codec.VideoEncoder;
import io.chorus.mixer.codec.VideoEncoderSettings;
import io.chorus.mixer.room.MixerEvents;
import io.chorus.mixer.room.MixerParticipant;
import io.chorus.mixer.room.RoomMixer;
import io.chorus.mixer.room.RoomMixerConfig;
import io.chorus.mixer.video.I420Picture;
import io.chorus.mixer.video.YuvColour;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A real RoomMixer fed by synthetic participants in real time: each sends VP8 pictures of one colour
 * (or, for the sync test, flashes) and an Opus tone (or beeps), encoded with the mixer's own encoders.
 */
public final class SyntheticRoom implements AutoCloseable {
    public static final YuvColour[] COLOURS = {YuvColour.fromRgb(220, 40, 40), YuvColour.fromRgb(40, 200, 60),
            YuvColour.fromRgb(50, 70, 220)};
    public static final double[] TONES_HZ = {400, 600, 1000};
    private static final int CAMERA_FPS = 30;

    /** What one participant sends at a given time since it started (ms). */
    public interface Source {
        YuvColour colourAt(long millis);

        /** Amplitude (0..1) and frequency of the tone at this time. */
        double amplitudeAt(long millis);

        double toneHz();
    }

    private final RoomMixer mixer;
    private final ExecutorService decodePool = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService driver = Executors.newScheduledThreadPool(1);
    private final List<String> ids = new ArrayList<>();

    public SyntheticRoom(String roomId, int width, int height, int fps, List<Source> sources) {
        mixer = new RoomMixer(roomId, RoomMixerConfig.defaults().withCanvas(width, height, fps), decodePool, MixerEvents.NONE);
        for (int i = 0; i < sources.size(); i++) {
            String id = "p" + i;
            ids.add(id);
            MixerParticipant participant = mixer.addParticipant(id, "P" + i, VideoCodec.VP8);
            Sender sender = new Sender(participant, sources.get(i));
            driver.scheduleAtFixedRate(sender::audio, 0, 20, TimeUnit.MILLISECONDS);
            driver.scheduleAtFixedRate(sender::senderReports, 0, 1000, TimeUnit.MILLISECONDS);
            // In microseconds: 1000 / 30 ms would be 33 ms, a camera running 1% fast against its own timestamps.
            driver.scheduleAtFixedRate(sender::video, 0, 1_000_000 / CAMERA_FPS, TimeUnit.MICROSECONDS);
        }
    }

    /** Three participants, each a steady colour and tone. */
    public static SyntheticRoom colours(String roomId, int width, int height, int fps) {
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < COLOURS.length; i++) {
            YuvColour colour = COLOURS[i];
            double hz = TONES_HZ[i];
            sources.add(new Source() {
                public YuvColour colourAt(long millis) {
                    return colour;
                }

                public double amplitudeAt(long millis) {
                    return 0.2;
                }

                public double toneHz() {
                    return hz;
                }
            });
        }
        return new SyntheticRoom(roomId, width, height, fps, sources);
    }

    public RoomMixer mixer() {
        return mixer;
    }

    public List<String> participantIds() {
        return ids;
    }

    @Override
    public void close() {
        driver.shutdownNow();
        try {
            driver.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        mixer.close();
        decodePool.shutdownNow();
    }

    /** One participant's encoders; its audio and video timestamps both count from its start, like a browser's. */
    private static final class Sender {
        private final MixerParticipant participant;
        private final Source source;
        private final VideoEncoder video = new VideoEncoder(VideoEncoderSettings.realtime(VideoCodec.VP8, 320, 240, CAMERA_FPS, 300_000));
        private final OpusEncoder opus = OpusLibrary.encoder(32_000);
        private final I420Picture picture = new I420Picture(320, 240);
        private final long startNanos = System.nanoTime();
        private final long startUnixNanos = System.currentTimeMillis() * 1_000_000L;
        private long audioFrames;
        private long videoFrames;

        Sender(MixerParticipant participant, Source source) {
            this.participant = participant;
            this.source = source;
        }

        synchronized void audio() {
            short[] pcm = new short[960];
            for (int i = 0; i < pcm.length; i++) {
                long sample = audioFrames * 960 + i;
                double amplitude = source.amplitudeAt(sample / 48);
                pcm[i] = (short) (amplitude * 32767 * Math.sin(2 * Math.PI * source.toneHz() * sample / 48_000));
            }
            EncodedFrame frame = EncodedFrame.audio(opus.encode(pcm), audioFrames * 960);
            audioFrames++;
            participant.pushAudio(frame, -1, System.nanoTime());
        }

        /**
         * What a browser sends about once a second: the same wallclock instant on the audio and video
         * RTP clocks, which is what lets the mixer line them up (lip sync).
         */
        void senderReports() {
            long elapsed = System.nanoTime() - startNanos;
            long ntp = NtpTime.fromUnixNanos(startUnixNanos + elapsed);
            participant.onSenderReport(MediaKind.AUDIO, ntp, elapsed * 48_000 / 1_000_000_000L);
            participant.onSenderReport(MediaKind.VIDEO, ntp, elapsed * 90_000 / 1_000_000_000L);
        }

        synchronized void video() {
            long millis = videoFrames * 1000 / CAMERA_FPS;
            picture.fill(source.colourAt(millis));
            EncodedFrame frame = video.encode(picture, videoFrames, videoFrames % CAMERA_FPS == 0);
            videoFrames++;
            if (frame != null) {
                participant.pushVideo(frame);
            }
        }
    }
}
