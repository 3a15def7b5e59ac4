package io.chorus.recorder.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.mixer.codec.OpusLibrary;
import io.chorus.recorder.testing.MediaProbe;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A recording JVM killed with SIGKILL leaves a file that plays up to (almost) the moment of death,
 * with fsync after each cluster or without: a killed process loses what FFmpeg still holds (the
 * cluster or fragment being filled), never what it handed to the kernel, so both lose the same. What
 * fsync adds, surviving a power cut or kernel crash, cannot be shown by killing a process.
 */
class CrashSafetyTest {
    private static final long RECORD_MILLIS = 8_000;
    private static final int FPS = 15;

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"WEBM, true", "MP4, true", "WEBM, false"})
    void killDashNineLosesAtMostTwoSeconds(RecordingFormat format, boolean fsync) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(OpusLibrary.JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RecordingChild.class.getName(),
                dir.toString(), format.extension(), Boolean.toString(fsync)));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        Path file;
        long recordingSince;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
                assertTrue(line != null, "the child exited before recording");
            } while (!line.startsWith("RECORDING "));
            recordingSince = System.nanoTime();
            file = Path.of(line.substring("RECORDING ".length()));
            Thread.sleep(RECORD_MILLIS);
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        }
        double recordedSeconds = (System.nanoTime() - recordingSince) / 1e9;
        assertEquals(137, child.exitValue(), "killed by SIGKILL (128 + 9)");

        List<String> expected = format == RecordingFormat.MP4 ? List.of("h264", "aac") : List.of("vp8", "opus");
        assertEquals(expected, MediaProbe.codecs(file), "the killed file still probes");
        double decodedSeconds = MediaProbe.decodedVideoFrames(file) / (double) FPS;
        long bytes = Files.size(file);
        double lostSeconds = recordedSeconds - decodedSeconds;
        System.out.printf("%s, fsync %s, after kill -9: %d bytes on disk, %.2f s decodable of %.2f s recorded: %.2f s lost (~%d bytes)%n",
                format, fsync ? "on" : "off", bytes, decodedSeconds, recordedSeconds, lostSeconds, Math.round(bytes / decodedSeconds * lostSeconds));
        assertTrue(decodedSeconds >= 6, format + " decodes only " + decodedSeconds + " s");
        assertTrue(lostSeconds <= 2.5, format + " lost " + lostSeconds + " s");
    }
}
