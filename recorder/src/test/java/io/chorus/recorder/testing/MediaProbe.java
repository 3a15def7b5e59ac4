package io.chorus.recorder.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs ffprobe/ffmpeg on recorded files, the independent judge of what the recorder wrote. */
public final class MediaProbe {
    private MediaProbe() {
    }

    /** Codec names of the file's streams, in stream order (e.g. [vp8, opus]). */
    public static List<String> codecs(Path file) {
        return lines(run("ffprobe", "-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0", file.toString()));
    }

    /** Picture size the first video stream declares, as WIDTHxHEIGHT. */
    public static String videoSize(Path file) {
        return lines(run("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of",
                "csv=p=0:s=x", file.toString())).get(0);
    }

    /** Presentation time, in seconds, of the end of the last packet of the selected stream ("v" or "a"). */
    public static double endSeconds(Path file, String streamType) {
        double end = -1;
        for (String line : lines(run("ffprobe", "-v", "error", "-select_streams", streamType, "-show_entries",
                "packet=pts_time,duration_time", "-of", "csv=p=0", file.toString()))) {
            String[] parts = line.split(",");
            double pts = Double.parseDouble(parts[0]);
            double duration = parts.length > 1 && !parts[1].isEmpty() && !parts[1].equals("N/A") ? Double.parseDouble(parts[1]) : 0;
            end = Math.max(end, pts + duration);
        }
        return end;
    }

    /** Video frames a full decode of the file yields (proves the file decodes, not just that packets exist). */
    public static int decodedVideoFrames(Path file) {
        List<String> out = lines(run("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                "stream=nb_read_frames", "-of", "csv=p=0", file.toString()));
        return Integer.parseInt(out.get(0).replace(",", "").trim());
    }

    /** One decoded picture at {@code seconds}, as packed RGB24 of the stream's size. */
    public static byte[] rgbFrameAt(Path file, double seconds) {
        return runBinary("ffmpeg", "-v", "error", "-ss", Double.toString(seconds), "-i", file.toString(), "-frames:v", "1",
                "-f", "rawvideo", "-pix_fmt", "rgb24", "-");
    }

    /**
     * The first audio stream decoded to 48 kHz mono s16 on the file's timeline, as a player that
     * honours timestamps plays it: sample i belongs at i / 48000 s, and any hole between packets
     * (10 ms or more) is filled with silence rather than closed up.
     */
    public static short[] decodedAudio(Path file) {
        byte[] raw = runBinary("ffmpeg", "-v", "error", "-i", file.toString(), "-map", "0:a:0", "-af",
                "aresample=async=1:min_hard_comp=0.01:first_pts=0", "-f", "s16le", "-ac", "1", "-ar", "48000", "-");
        short[] pcm = new short[raw.length / 2];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) ((raw[2 * i] & 0xFF) | raw[2 * i + 1] << 8);
        }
        return pcm;
    }

    /** The first video stream decoded to 8-bit luma (gray) at the given size, frames one after another. */
    public static byte[] decodedLuma(Path file, int width, int height) {
        return runBinary("ffmpeg", "-v", "error", "-i", file.toString(), "-map", "0:v:0", "-f", "rawvideo", "-pix_fmt",
                "gray", "-s", width + "x" + height, "-fps_mode", "passthrough", "-");
    }

    /** Presentation times (seconds) of the decoded video frames, in order. */
    public static double[] videoFrameTimes(Path file) {
        return lines(run("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "frame=pts_time", "-of",
                "csv=p=0", file.toString())).stream().map(l -> l.replace(",", "")).mapToDouble(Double::parseDouble).toArray();
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                out.add(line.trim());
            }
        }
        return out;
    }

    private static String run(String... command) {
        return new String(runBinary(command), StandardCharsets.UTF_8);
    }

    private static byte[] runBinary(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(Arrays.toString(command) + " failed: " + err);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0] + " (needed by this test): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
