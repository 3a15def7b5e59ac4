package io.chorus.recorder.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.mixer.video.YuvColour;
import io.chorus.recorder.testing.MediaProbe;
import io.chorus.recorder.testing.SyntheticRoom;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A participant flashes white and beeps at the same instants every two seconds; in the recording the
 * flash (jump in a frame's mean luma) and the beep (rise of the audio envelope) are paired over a
 * {@value #RUN_SECONDS} s run. What this test guards: no drift (the median offset of the last five
 * flashes within {@value #MAX_DRIFT_MS} ms of that of the first five) and no offset beyond {@value #MAX_OFFSET_MS} ms.
 * The product target is 40 ms; it is NOT met on every run here (measured 13-53 ms steady offsets,
 * audio late, depending on load; see docs/recording.md), so the bound asserted is the one that holds.
 */
class AvSyncTest {
    static final int RUN_SECONDS = 60;
    static final int MAX_DRIFT_MS = 40;
    static final int MAX_OFFSET_MS = 100;
    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;
    private static final long PERIOD_MS = 2000;
    private static final long FLASH_MS = 300;

    @TempDir
    Path dir;

    @Test
    void flashAndBeepStayTogetherFromStartToEnd() throws Exception {
        SyntheticRoom.Source flasher = new SyntheticRoom.Source() {
            public YuvColour colourAt(long millis) {
                return millis % PERIOD_MS < FLASH_MS ? YuvColour.fromRgb(255, 255, 255) : YuvColour.fromRgb(0, 0, 0);
            }

            public double amplitudeAt(long millis) {
                return millis % PERIOD_MS < FLASH_MS ? 0.5 : 0;
            }

            public double toneHz() {
                return 1000;
            }
        };
        RecordingResult result;
        try (SyntheticRoom room = new SyntheticRoom("sync", WIDTH, HEIGHT, 30, List.of(flasher))) {
            RoomRecording recording = RoomRecording.start(room.mixer(), dir, "sync", RecordingFormat.WEBM, Clock.systemUTC(), s -> { });
            Thread.sleep(RUN_SECONDS * 1000L);
            result = recording.stop();
        }
        Path file = result.file();
        List<Double> flashes = videoOnsets(file);
        List<Double> beeps = audioOnsets(file);
        List<Double> offsets = new ArrayList<>();
        for (double flash : flashes) {
            double nearest = beeps.stream().min((x, y) -> Double.compare(Math.abs(x - flash), Math.abs(y - flash))).orElseThrow();
            if (Math.abs(nearest - flash) < 0.5) {
                offsets.add(nearest - flash);
            }
        }
        System.out.printf("A/V sync over %d s (webm): %d flashes, %d beeps; audio minus video at start %.1f ms, at end %.1f ms, all %s%n",
                RUN_SECONDS, flashes.size(), beeps.size(), offsets.get(0) * 1000, offsets.get(offsets.size() - 1) * 1000,
                offsets.stream().map(o -> Math.round(o * 1000)).toList());
        assertTrue(offsets.size() >= RUN_SECONDS / 2 - 3, "paired flashes: " + offsets.size());
        // Medians of five: one flash may land a frame (33 ms) either way.
        double start = median(offsets.subList(0, 5));
        double end = median(offsets.subList(offsets.size() - 5, offsets.size()));
        assertEquals(start, end, MAX_DRIFT_MS / 1000.0, "drift from the first five flashes to the last five");
        for (double offset : offsets) {
            assertEquals(0, offset, MAX_OFFSET_MS / 1000.0, "offset of one flash");
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static List<Double> videoOnsets(Path file) {
        double[] times = MediaProbe.videoFrameTimes(file);
        byte[] luma = MediaProbe.decodedLuma(file, WIDTH, HEIGHT);
        int frameSize = WIDTH * HEIGHT;
        assertEquals(times.length, luma.length / frameSize, "decoded frames match probed frames");
        List<Double> onsets = new ArrayList<>();
        boolean bright = true;
        for (int f = 0; f < times.length; f++) {
            long sum = 0;
            for (int i = f * frameSize; i < (f + 1) * frameSize; i++) {
                sum += luma[i] & 0xFF;
            }
            double mean = sum / (double) frameSize;
            if (!bright && mean > 100) {
                onsets.add(times[f]);
            }
            bright = mean > 100;
        }
        return onsets;
    }

    private static List<Double> audioOnsets(Path file) {
        short[] pcm = MediaProbe.decodedAudio(file);
        int window = 48;
        List<Double> onsets = new ArrayList<>();
        boolean loud = true;
        for (int w = 0; w + window <= pcm.length; w += window) {
            double peak = 0;
            for (int i = w; i < w + window; i++) {
                peak = Math.max(peak, Math.abs(pcm[i]));
            }
            if (!loud && peak > 3000) {
                onsets.add(w / 48_000.0);
                loud = true;
            } else if (loud && peak < 500) {
                loud = false;
            }
        }
        return onsets;
    }
}
