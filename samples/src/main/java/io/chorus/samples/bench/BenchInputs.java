package io.chorus.samples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's inputs: distinct 640x360 30 fps VP8 + Opus WebM files made once with the
 * system's ffmpeg, so our mixer and the FFmpeg command line read exactly the same streams.
 */
public final class BenchInputs {
    public static final int SECONDS = 20;

    private BenchInputs() {
    }

    public static List<Path> ensure(Path dir, int count) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file = dir.resolve(String.format("in%02d.webm", i));
            if (!Files.exists(file)) {
                generate(file, i);
            }
            files.add(file);
        }
        return files;
    }

    /** A moving test pattern, tinted and noised per input so no two streams compress alike, plus a tone. */
    private static void generate(Path file, int index) throws IOException, InterruptedException {
        String video = "testsrc2=size=640x360:rate=30,hue=h=" + (index * 37 % 360) + ",noise=alls=6:allf=t";
        String audio = "sine=frequency=" + (220 + 55 * index) + ":sample_rate=48000";
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", video, "-f", "lavfi", "-i", audio, "-t", String.valueOf(SECONDS),
                "-c:v", "libvpx", "-b:v", "620k", "-deadline", "realtime", "-cpu-used", "-6", "-g", "300",
                "-c:a", "libopus", "-b:a", "32k", "-ac", "1", file.toString())
                .inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("ffmpeg could not generate " + file);
        }
    }
}
