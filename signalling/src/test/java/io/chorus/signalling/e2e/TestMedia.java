package io.chorus.signalling.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Known media for Chromium's fake capture devices, made with the system's ffmpeg: a solid colour
 * picture with a moving white marker along its top edge, and a steady tone.
 */
public final class TestMedia {
    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    /** The echo test's colour (R, G, B); the centre of the frame never carries the marker. */
    static final int[] COLOUR = {200, 50, 40};

    public final Path video;
    public final Path audio;

    private TestMedia(Path video, Path audio) {
        this.video = video;
        this.audio = audio;
    }

    static TestMedia create(Path dir) throws IOException, InterruptedException {
        return create(dir, "echo", COLOUR, WIDTH, HEIGHT, 15, 440);
    }

    /** A {@code width}x{@code height} picture of colour {@code rgb} at {@code fps}, and a tone of {@code toneHz}. */
    public static TestMedia create(Path dir, String name, int[] rgb, int width, int height, int fps, int toneHz)
            throws IOException, InterruptedException {
        Path video = dir.resolve(name + ".y4m");
        Path audio = dir.resolve(name + ".wav");
        String colour = String.format("0x%02X%02X%02X", rgb[0], rgb[1], rgb[2]);
        int markerWidth = Math.max(8, width / 8);
        // overlay, not drawbox: drawbox evaluates its position once (FFmpeg 5.1), so its box stands still.
        int markerHeight = Math.max(4, height / 10);
        run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "color=c=" + colour + ":size=" + width + "x" + height + ":rate=" + fps + "[picture];"
                        + "color=c=white:size=" + markerWidth + "x" + markerHeight + ":rate=" + fps + "[marker];"
                        + "[picture][marker]overlay=x='mod(t*60\\," + (width - markerWidth) + ")':y=8:shortest=1",
                "-t", "6", "-pix_fmt", "yuv420p", video.toString()), video);
        run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "sine=frequency=" + toneHz + ":sample_rate=48000", "-t", "6", "-ac", "1", "-c:a", "pcm_s16le",
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
