package io.chorus.samples.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The FFmpeg command line doing the same work as a room: decode N inputs, scale each to its grid
 * cell, xstack them onto the canvas, mix the audio, and encode VP8 and Opus at the mixer's settings.
 * Its CPU time is read with bash's {@code times}, which reports the finished child's user and system time.
 */
public final class FfmpegAnchor {

    private FfmpegAnchor() {
    }

    public static String command(List<Path> inputs, int width, int height, Path output) {
        int n = inputs.size();
        int columns = (int) Math.ceil(Math.sqrt(n));
        int rows = (n + columns - 1) / columns;
        int cellW = width / columns / 2 * 2;
        int cellH = height / rows / 2 * 2;
        StringBuilder cmd = new StringBuilder("ffmpeg -hide_banner -nostdin -loglevel error -y");
        for (Path in : inputs) {
            cmd.append(" -threads 1 -i ").append(in);
        }
        StringBuilder filter = new StringBuilder();
        List<String> layout = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            filter.append('[').append(i).append(":v]scale=").append(cellW).append(':').append(cellH)
                    .append(":flags=bilinear:force_original_aspect_ratio=decrease,pad=").append(cellW).append(':')
                    .append(cellH).append(":(ow-iw)/2:(oh-ih)/2[v").append(i).append("];");
            int row = i / columns;
            int inRow = Math.min(columns, n - row * columns);
            int xOffset = (width - inRow * cellW) / 2;
            layout.add((xOffset + (i % columns) * cellW) + "_" + (row * cellH));
        }
        for (int i = 0; i < n; i++) {
            filter.append("[v").append(i).append(']');
        }
        filter.append("xstack=inputs=").append(n).append(":layout=").append(String.join("|", layout))
                .append(":fill=black,pad=").append(width).append(':').append(height).append("[vout];");
        for (int i = 0; i < n; i++) {
            filter.append('[').append(i).append(":a]");
        }
        filter.append("amix=inputs=").append(n).append(":duration=longest[aout]");
        cmd.append(" -filter_complex_threads 1 -filter_complex \"").append(filter).append('"')
                .append(" -map [vout] -map [aout] -c:v libvpx -deadline realtime -cpu-used -6 -b:v 1500k")
                .append(" -minrate 1500k -maxrate 1500k -lag-in-frames 0 -auto-alt-ref 0 -g 3000 -threads 1")
                .append(" -c:a libopus -b:a 32k -ac 1 -f webm ").append(output);
        return cmd.toString();
    }

    /**
     * The median CPU time of three runs of the command: on a shared host one run of the same command
     * was seen anywhere from 0.23 to 0.34 core, more than the differences being measured.
     */
    public static double medianCpuSeconds(String command) throws IOException, InterruptedException {
        double[] runs = {cpuSeconds(command), cpuSeconds(command), cpuSeconds(command)};
        Arrays.sort(runs);
        return runs[1];
    }

    /** Runs the command and returns its user + system CPU seconds. */
    static double cpuSeconds(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", command + " && times").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("FFmpeg anchor failed:\n" + out);
        }
        // `times` prints the shell's own times, then its children's: "0m1.234s 0m0.056s".
        String[] lines = out.strip().split("\n");
        String[] children = lines[lines.length - 1].trim().split("\\s+");
        return parseTimes(children[0]) + parseTimes(children[1]);
    }

    private static double parseTimes(String value) {
        int m = value.indexOf('m');
        return Integer.parseInt(value.substring(0, m)) * 60 + Double.parseDouble(value.substring(m + 1, value.length() - 1));
    }
}
