package io.chorus.samples.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and resident memory of a process, read from Linux's /proc: utime + stime of
 * {@code /proc/PID/stat} (fields 14 and 15, in clock ticks) and VmRSS of {@code /proc/PID/status}.
 */
public final class ProcessSampler {
    private static double ticksPerSecond;

    private final long pid;

    public ProcessSampler(long pid) {
        this.pid = pid;
    }

    public double cpuSeconds() throws IOException {
        return cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) / ticksPerSecond();
    }

    /** utime + stime (fields 14 and 15) of a {@code /proc/PID/stat} line, in clock ticks. */
    static long cpuTicks(String stat) {
        // The command name (field 2) may hold spaces and parentheses; count fields from its last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** USER_HZ, i.e. sysconf(_SC_CLK_TCK): not reachable from Java, so asked of getconf once. */
    private static synchronized double ticksPerSecond() throws IOException {
        if (ticksPerSecond == 0) {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            try {
                if (p.waitFor() != 0) {
                    throw new IOException("getconf CLK_TCK failed: " + out);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while asking getconf for CLK_TCK", e);
            }
            ticksPerSecond = Double.parseDouble(out);
        }
        return ticksPerSecond;
    }

    double rssMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid + "/status");
    }
}
