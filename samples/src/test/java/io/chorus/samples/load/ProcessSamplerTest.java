package io.chorus.samples.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

class ProcessSamplerTest {

    @Test
    void addsUtimeAndStimeAfterACommandNameWithSpacesAndParentheses() {
        // Fields 14 (utime) and 15 (stime) are 250 and 37; cutime and cstime (16, 17) must not count.
        String stat = "4242 (janus (x) ) y) S 1 4242 4242 0 -1 4194560 1200 0 3 0 250 37 900 800 20 0 9 0 "
                + "123456 1048576 2048 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0\n";
        assertEquals(287, ProcessSampler.cpuTicks(stat));
    }

    @Test
    void readsThisProcessesCpuTimeInSeconds() throws IOException {
        ProcessSampler self = new ProcessSampler(ProcessHandle.current().pid());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double before = self.cpuSeconds();
        // Spin on CPU time, not wall time: this host is shared, and a wall-clock spin may get little CPU.
        long end = threads.getCurrentThreadCpuTime() + 300_000_000L;
        while (threads.getCurrentThreadCpuTime() < end) {
            Thread.onSpinWait();
        }
        double spent = self.cpuSeconds() - before;
        // At least this thread's 300 ms, give or take the kernel's 10 ms ticks; a wrong CLK_TCK would be far off.
        assertTrue(spent >= 0.27 && spent < 3.0, "spent " + spent + " s");
    }
}
