package io.chorus.mixer.room;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.codec.VideoDecoder;
import io.chorus.mixer.codec.VideoEncoder;
import io.chorus.mixer.codec.VideoEncoderSettings;
import io.chorus.mixer.output.VideoProfile;
import io.chorus.mixer.video.Compositor;
import io.chorus.mixer.video.I420Picture;
import io.chorus.mixer.video.YuvColour;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The composite end to end: VP8 inputs decoded, laid out, encoded once, decoded again by the test. */
class RoomMixerVideoTest {
    private static final ExecutorService DECODE_POOL = Executors.newFixedThreadPool(2);
    private static final YuvColour[] COLOURS = {YuvColour.fromRgb(220, 40, 40), YuvColour.fromRgb(40, 200, 60),
            YuvColour.fromRgb(50, 70, 220), YuvColour.fromRgb(230, 220, 40)};

    @AfterAll
    static void stopPool() {
        DECODE_POOL.shutdownNow();
    }

    @Test
    void fourCameraInputsAppearInTheirGridCellsLetterboxed() throws Exception {
        RoomMixerConfig config = RoomMixerConfig.defaults().withCanvas(640, 360, 10);
        AtomicReference<EncodedFrame> latestKey = new AtomicReference<>();
        List<EncodedFrame> all = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> inputs = new ArrayList<>();
        try (RoomMixer room = new RoomMixer("grid", config, DECODE_POOL, MixerEvents.NONE)) {
            List<MixerParticipant> ps = new ArrayList<>();
            for (int i = 0; i < COLOURS.length; i++) {
                ps.add(room.addParticipant("p" + i, "Cam " + i, VideoCodec.VP8));
            }
            room.subscribeVideo("viewer", new VideoProfile(VideoCodec.VP8, 640, 360, 800_000), all::add);
            sendColours(ps, 25);
            for (MixerParticipant p : ps) {
                inputs.add(String.format("%s: %d received, %d decoded, %d skipped until a key frame, %d queue drops",
                        p.id(), p.video().framesReceived(), p.video().framesDecoded(),
                        p.video().framesSkippedUntilKeyFrame(), p.video().queueDrops()));
            }
        }
        I420Picture last = decodeAll(all);
        assertNotNull(last, "the viewer decoded the composite");
        for (int i = 0; i < COLOURS.length; i++) {
            int cellX = (i % 2) * 320;
            int cellY = (i / 2) * 180;
            YuvColour centre = last.colourAt(cellX + 160, cellY + 90);
            assertTrue(centre.distance(COLOURS[i]) <= 24, "cell " + i + " shows " + centre + ", expected " + COLOURS[i]
                    + " (viewer frames: " + all.size() + "; inputs: " + inputs + ")");
            // A 4:3 camera in a 16:9 cell: 240x180 in the middle, bars of 40 px left and right.
            YuvColour bar = last.colourAt(cellX + 16, cellY + 60);
            assertTrue(bar.distance(Compositor.TILE_BACKDROP) <= 24, "cell " + i + " bar is " + bar);
            YuvColour edgeInside = last.colourAt(cellX + 50, cellY + 60);
            assertTrue(edgeInside.distance(COLOURS[i]) <= 30, "picture starts at x=40, not stretched: " + edgeInside);
        }
    }

    private static void sendColours(List<MixerParticipant> ps, int frames) throws InterruptedException {
        List<VideoEncoder> encoders = new ArrayList<>();
        List<I420Picture> pictures = new ArrayList<>();
        try {
            for (YuvColour colour : COLOURS) {
                encoders.add(new VideoEncoder(VideoEncoderSettings.realtime(VideoCodec.VP8, 320, 240, 10, 300_000)));
                I420Picture p = new I420Picture(320, 240);
                p.fill(colour);
                pictures.add(p);
            }
            for (int f = 0; f < frames; f++) {
                for (int i = 0; i < ps.size(); i++) {
                    EncodedFrame frame = encoders.get(i).encode(pictures.get(i), f, false);
                    if (frame != null) {
                        ps.get(i).pushVideo(frame);
                    }
                }
                Thread.sleep(100);
            }
        } finally {
            encoders.forEach(VideoEncoder::close);
        }
    }

    private static I420Picture decodeAll(List<EncodedFrame> frames) {
        assertTrue(frames.size() >= 10, "viewer got " + frames.size() + " frames");
        try (VideoDecoder decoder = new VideoDecoder(VideoCodec.VP8)) {
            I420Picture out = null;
            for (EncodedFrame f : List.copyOf(frames)) {
                if (decoder.decode(f)) {
                    out = new I420Picture(decoder.width(), decoder.height());
                    decoder.scaleInto(out);
                }
            }
            return out;
        }
    }
}
