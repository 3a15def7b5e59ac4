package io.chorus.mixer.room;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time a tick thread spends in each stage, read from the thread's own CPU clock so that time
 * spent waiting or preempted is not counted. Written by one tick thread, read by anyone.
 */
final class TickCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private volatile long total;

    static long now() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Adds the CPU time since {@code start} (a value of {@link #now()}) and returns the current reading. */
    long addSince(long start) {
        long end = now();
        total += end - start;
        return end;
    }

    long nanos() {
        return total;
    }
}
