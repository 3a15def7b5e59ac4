package io.chorus.samples.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and resident memory of a process, read from Linux's /proc: utime + stime of
 * {@code /proc/PID/stat} (fields 14 and 15, in clock ticks) and VmRSS of {@code /proc/PID/status}.
 */
final class ProcessSampler {
    /** USER_HZ: 100 on every Linux this runs on (sysconf(_SC_CLK_TCK), not reachable from Java). */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long pid;

    ProcessSampler(long pid) {
        this.pid = pid;
    }

    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // The command name (field 2) may hold spaces; count fields from its closing parenthesis.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
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
