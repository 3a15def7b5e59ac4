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
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A participant flashes white and beeps at the same instants every two seconds; in the recording the
 * flash (jump in a frame's mean luma) and the beep (rise of the audio envelope) are paired over a
 * run of several minutes (WebM, Opus) and a one-minute one through the AAC encoder (MP4). The target:
 * audio and picture within {@value #TARGET_MS} ms at the start and at the end (median of five
 * flashes each: one flash may land a frame either way), and over the whole run (median): those are
 * what drift or a steady offset would move. Single flashes are another matter on this shared
 * machine: it loses 6-8% of its CPU time to its host even when idle and stalls the whole process for
 * up to a second now and then (the tick threads log it), which starves the synthetic sender too: its
 * audio arrives too late to be played, or its pictures late, or a flash is never shown. Measured: 7%
 * of the flashes off in a ten-minute run; in a CI run with stalls of up to 1 s, 12% unpaired and 15%
 * of the rest off, in the stretches where stalls were logged, around a steady median. So at least
 * three flashes in four must pair up and three in four of those must be within the target plus one frame: a picture
 * chooser that went wrong in steady state fails that, a stall does not.
 */
class AvSyncTest {
    static final int TARGET_MS = 40;
    private static final int FPS = 30;
    private static final int FRAME_MS = 1000 / FPS + 1;
    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;
    private static final long PERIOD_MS = 2000;
    private static final long FLASH_MS = 300;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} for {1} s")
    @CsvSource({"WEBM, 180", "MP4, 60"})
    void flashAndBeepStayTogetherFromStartToEnd(RecordingFormat format, int seconds) throws Exception {
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
        try (SyntheticRoom room = new SyntheticRoom("sync", WIDTH, HEIGHT, FPS, List.of(flasher))) {
            RoomRecording recording = RoomRecording.start(room.mixer(), dir, "sync", format, Clock.systemUTC(), s -> { });
            Thread.sleep(seconds * 1000L);
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
        System.out.printf("A/V sync over %d s (%s): %d flashes, %d beeps; audio minus video at start %.1f ms, at end %.1f ms, all %s%n",
                seconds, format, flashes.size(), beeps.size(), offsets.get(0) * 1000, offsets.get(offsets.size() - 1) * 1000,
                offsets.stream().map(o -> Math.round(o * 1000)).toList());
        int expected = seconds / 2;
        assertTrue(offsets.size() >= expected * 3 / 4, "paired flashes: " + offsets.size() + " of " + expected);
        assertEquals(0, median(offsets.subList(0, 5)), TARGET_MS / 1000.0, "offset at the start, in " + offsets);
        assertEquals(0, median(offsets.subList(offsets.size() - 5, offsets.size())), TARGET_MS / 1000.0,
                "offset at the end, in " + offsets);
        assertEquals(0, median(offsets), TARGET_MS / 1000.0, "median offset of " + offsets);
        List<Double> outliers = offsets.stream().filter(o -> Math.abs(o) > (TARGET_MS + FRAME_MS) / 1000.0).toList();
        assertTrue(outliers.size() <= offsets.size() / 4, "more than a quarter of the flashes off by more than "
                + (TARGET_MS + FRAME_MS) + " ms: " + outliers + " in " + offsets);
    }

    /** The ten minutes, on demand only (ten minutes of wall time): {@code -Davsync.tenMinutes=true}. */
    @Test
    @EnabledIfSystemProperty(named = "avsync.tenMinutes", matches = "true")
    void tenMinutesOfWebm() throws Exception {
        flashAndBeepStayTogetherFromStartToEnd(RecordingFormat.WEBM, 600);
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
