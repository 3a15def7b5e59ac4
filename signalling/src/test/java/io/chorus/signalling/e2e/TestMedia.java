package io.chorus.signalling.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Known media for Chromium's fake capture devices, made with the system's ffmpeg: a solid colour
 * picture with a moving white marker along its top edge, and a 440 Hz tone.
 */
final class TestMedia {
    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    /** The picture's colour (R, G, B); the centre of the frame never carries the marker. */
    static final int[] COLOUR = {200, 50, 40};

    final Path video;
    final Path audio;

    private TestMedia(Path video, Path audio) {
        this.video = video;
        this.audio = audio;
    }

    static TestMedia create(Path dir) throws IOException, InterruptedException {
        Path video = dir.resolve("colour.y4m");
        Path audio = dir.resolve("tone.wav");
        String colour = String.format("0x%02X%02X%02X", COLOUR[0], COLOUR[1], COLOUR[2]);
        run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "color=c=" + colour + ":size=" + WIDTH + "x" + HEIGHT + ":rate=15,"
                        + "drawbox=x='mod(t*60\\,280)':y=8:w=40:h=24:color=white:t=fill",
                "-t", "6", "-pix_fmt", "yuv420p", video.toString()), video);
        run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000", "-t", "6", "-ac", "1", "-c:a", "pcm_s16le",
                audio.toString()), audio);
        return new TestMedia(video, audio);
    }

    private static void run(List<String> command, Path output) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("ffmpeg is required for the end-to-end tests (apt-get install ffmpeg): "
                    + e.getMessage(), e);
        }
        String log = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("ffmpeg failed: " + String.join(" ", command) + "\n" + log);
        }
        if (!Files.isRegularFile(output)) {
            throw new IOException("ffmpeg produced no file: " + command);
        }
    }
}
