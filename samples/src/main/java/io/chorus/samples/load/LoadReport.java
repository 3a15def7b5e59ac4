package io.chorus.samples.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Load results as a Markdown table (for the console and docs/benchmarks.md) and as JSON. */
public final class LoadReport {
    private LoadReport() {
    }

    public static String table(List<LoadResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("| rooms x N | server CPU (cores) | per participant | server RSS MB | clients CPU | "
                + "latency p50 / p95 / max ms | fps mean / min | received | video kb/s per receiver (min-max) | "
                + "loss video / audio % | tick overruns | real time |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (LoadResult r : results) {
            out.append(String.format(Locale.ROOT,
                    "| %d x %d | %.3f | %.3f | %.0f | %.3f | %.0f / %.0f / %.0f | %.1f / %.1f | %s | %.0f (%.0f-%.0f) "
                            + "| %.2f / %.2f | %d of %d | %s |%n",
                    r.rooms(), r.participantsPerRoom(), r.serverCpuCores(), r.serverCpuCores() / r.participants(),
                    r.serverRssMb(), r.clientCpuCores(), r.latencyP50Ms(), r.latencyP95Ms(), r.latencyMaxMs(),
                    r.fpsMean(), r.fpsMin(), r.resolution(), r.videoKbpsMean(), r.videoKbpsMin(), r.videoKbpsMax(),
                    r.videoLossPercent(), r.audioLossPercent(), r.videoOverruns() + r.audioOverruns(),
                    r.videoTicks() + r.audioTicks(), r.realTime() ? "yes" : "no"));
        }
        return out.toString();
    }

    public static void writeJson(List<LoadResult> results, Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), results);
    }
}
