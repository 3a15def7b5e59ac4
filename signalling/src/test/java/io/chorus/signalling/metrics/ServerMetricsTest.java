package io.chorus.signalling.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;

class ServerMetricsTest {
    private static void assertLine(String scrape, String regex) {
        assertTrue(Pattern.compile(regex, Pattern.MULTILINE).matcher(scrape).find(),
                () -> "no line matching " + regex + " in:\n" + scrape);
    }

    @Test
    void scrapeHasJvmAndProcessMetricsAndTheServersOwn() {
        try (ServerMetrics metrics = new ServerMetrics()) {
            Counter joins = Counter.builder("chorus.test.joins").description("joins in this test")
                    .register(metrics.registry());
            joins.increment(3);
            String scrape = metrics.scrape();
            assertLine(scrape, "^# TYPE chorus_test_joins_total counter$");
            assertLine(scrape, "^chorus_test_joins_total 3\\.0$");
            assertLine(scrape, "^jvm_threads_live_threads [0-9.E]+$");
            assertLine(scrape, "^jvm_memory_used_bytes\\{area=\"heap\",.*\\} [0-9.E]+$");
            assertLine(scrape, "^jvm_classes_loaded_classes [0-9.E]+$");
            assertLine(scrape, "^system_cpu_count [0-9.E]+$");
            assertLine(scrape, "^process_cpu_usage ");
            assertLine(scrape, "^process_uptime_seconds [0-9.E]+$");
            assertLine(scrape, "^process_files_open_files [0-9.E]+$");
            assertLine(scrape, "^# TYPE jvm_gc_memory_allocated_bytes_total counter$");
            assertFalse(scrape.contains("# EOF"), "Prometheus text 0.0.4, not OpenMetrics");
            assertEquals("text/plain; version=0.0.4; charset=utf-8", metrics.contentType());
        }
    }
}
