package io.chorus.samples.bench;

import io.chorus.mixer.codec.OpusLibrary;
import java.time.LocalDate;
import java.util.List;

/** Formats the mixer benchmark's results as the Markdown section kept in docs/benchmarks.md. */
final class BenchReport {
    static final String SECTION = "mixer-benchmark";

    private BenchReport() {
    }

    static String markdown(List<MixerBenchmark.Result> results, String anchorCommand) {
        StringBuilder md = new StringBuilder();
        md.append("## Mixer: CPU per media second (cores), measured ").append(LocalDate.now()).append("\n\n");
        md.append("N inputs of 640x360 VP8 30 fps + Opus -> one 1280x720 VP8 30 fps output at 1.5 Mb/s CBR, ")
                .append("libvpx speed -6 (fixed), 1 encoder thread, grid layout; our mixer in real time for ")
                .append(BenchInputs.SECONDS).append(" s per N, FFmpeg over the same ").append(BenchInputs.SECONDS)
                .append(" s files in the same run (median of three runs of the command). The mixer first runs one unmeasured room of 4 (JIT warm-up). ")
                .append("Every input talks (a tone), and each audio packet carries the RFC 6464 level a browser ")
                .append("would send (measured from the file before the run), so the mixer decodes only the 3 voices it ")
                .append("mixes; FFmpeg decodes and mixes every input. The mixer's Opus codecs run on ")
                .append(OpusLibrary.active()).append(".\n\n");
        md.append("| N | decode (+scale) | composite | encode | audio | Chorus process | FFmpeg CLI | ratio | tick overruns |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (MixerBenchmark.Result r : results) {
            md.append(String.format("| %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.2f | %d |%n", r.n(), r.decode(),
                    r.compose(), r.encode(), r.audio(), r.process(), r.ffmpeg(), r.ratio(), r.overruns()));
        }
        md.append("\nThe ratio is Chorus's whole-process CPU over FFmpeg's (target <= 1.0). The FFmpeg command for N=4:\n\n```\n")
                .append(anchorCommand).append("\n```\n");
        return md.toString();
    }
}
