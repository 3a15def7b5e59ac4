package io.chorus.recorder.rtmp;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.audio.AudioFormat;
import io.chorus.mixer.codec.OpusEncoder;
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
 * A room mixer (640x360, 15 fps) fed in real time by synthetic participants: each sends a VP8
 * camera of one solid colour and an Opus sine tone of its own pitch, as a browser would.
 */
final class SyntheticRoom implements AutoCloseable {
    static final int FPS = 15;
    private static final YuvColour[] COLOURS = {YuvColour.fromRgb(220, 40, 40), YuvColour.fromRgb(40, 200, 60),
            YuvColour.fromRgb(50, 70, 220)};

    private final ExecutorService decodePool = Executors.newFixedThreadPool(2);
    // One thread: the encoders below are used from it alone.
    private final ScheduledExecutorService senders = Executors.newSingleThreadScheduledExecutor();
    private final RoomMixer mixer;
    private final List<Sender> participants = new ArrayList<>();

    private SyntheticRoom(String roomId, int count) {
        if (count < 1 || count > COLOURS.length) {
            throw new IllegalArgumentException("1.." + COLOURS.length + " participants: " + count);
        }
        mixer = new RoomMixer(roomId, RoomMixerConfig.defaults().withCanvas(640, 360, FPS), decodePool, MixerEvents.NONE);
        for (int i = 0; i < count; i++) {
            participants.add(new Sender(mixer.addParticipant("p" + i, "Synthetic " + i, VideoCodec.VP8),
                    COLOURS[i], 330.0 * (i + 1)));
        }
        senders.scheduleAtFixedRate(() -> participants.forEach(Sender::sendVideo), 0, 1000 / FPS, TimeUnit.MILLISECONDS);
        senders.scheduleAtFixedRate(() -> participants.forEach(Sender::sendAudio), 0, AudioFormat.FRAME_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    static SyntheticRoom start(String roomId, int participants) {
        return new SyntheticRoom(roomId, participants);
    }

    RoomMixer mixer() {
        return mixer;
    }

    @Override
    public void close() throws InterruptedException {
        senders.shutdownNow();
        senders.awaitTermination(5, TimeUnit.SECONDS);
        participants.forEach(Sender::close);
        mixer.close();
        decodePool.shutdownNow();
    }

    private static final class Sender {
        private final MixerParticipant participant;
        private final VideoEncoder video = new VideoEncoder(VideoEncoderSettings.realtime(VideoCodec.VP8, 320, 240, FPS, 300_000));
        private final OpusEncoder audio = new OpusEncoder(32_000);
        private final I420Picture picture = new I420Picture(320, 240);
        private final short[] pcm = new short[AudioFormat.SAMPLES_PER_FRAME];
        private final double hertz;
        private long frames;
        private long samples;

        Sender(MixerParticipant participant, YuvColour colour, double hertz) {
            this.participant = participant;
            this.hertz = hertz;
            picture.fill(colour);
        }

        void sendVideo() {
            EncodedFrame frame = video.encode(picture, frames++, false);
            if (frame != null) {
                participant.pushVideo(frame);
            }
        }

        void sendAudio() {
            long timestamp = samples;
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * hertz * samples++ / AudioFormat.SAMPLE_RATE));
            }
            participant.pushAudio(EncodedFrame.audio(audio.encode(pcm), timestamp), -1, System.nanoTime());
        }

        void close() {
            video.close();
            audio.close();
        }
    }
}
