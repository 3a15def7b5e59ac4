package io.chorus.samples.bench;

import io.chorus.core.rtp.MediaKind;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.output.VideoProfile;
import io.chorus.mixer.room.MixerEvents;
import io.chorus.mixer.room.MixerParticipant;
import io.chorus.mixer.room.RoomMixer;
import io.chorus.mixer.room.RoomMixerConfig;
import io.chorus.mixer.room.RoomMixerStats;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CPU cost of one room's mixer per media second, for N = 4, 9 and 16 inputs of 640x360 VP8 at
 * 30 fps into one 1280x720 VP8 30 fps output, measured in real time and split into decode,
 * composite and encode; beside it, in the same run, the FFmpeg command line doing the same work.
 * Writes its Markdown section into the file given as the first argument (default docs/benchmarks.md),
 * replacing the previous run's section.
 */
public final class MixerBenchmark {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;
    private static final int RUN_SECONDS = BenchInputs.SECONDS;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** One room size's figures, all in CPU seconds per media second (cores). */
    record Result(int n, double decode, double compose, double encode, double audio, double process,
            double ffmpeg, long overruns, long framesOut) {
        double ratio() {
            return process / ffmpeg;
        }
    }

    private MixerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Path out = Path.of(args.length > 0 ? args[0] : "docs/benchmarks.md");
        Path work = Path.of(args.length > 1 ? args[1] : "target/bench-inputs");
        int[] sizes = {4, 9, 16};
        List<Path> inputs = BenchInputs.ensure(work, 16);
        List<Result> results = new ArrayList<>();
        // Unmeasured: a fresh JVM spends about 0.03 core of a 20 s run compiling (profiled), which a
        // running server has long paid; the FFmpeg command line has no such start-up to amortise.
        runMixer(inputs.subList(0, sizes[0]));
        for (int n : sizes) {
            List<Path> used = inputs.subList(0, n);
            Result ours = runMixer(used);
            String cmd = FfmpegAnchor.command(used, WIDTH, HEIGHT, work.resolve("anchor-" + n + ".webm"));
            double ffmpeg = FfmpegAnchor.medianCpuSeconds(cmd) / BenchInputs.SECONDS;
            Result r = new Result(n, ours.decode, ours.compose, ours.encode, ours.audio, ours.process, ffmpeg,
                    ours.overruns, ours.framesOut);
            results.add(r);
            System.out.printf("N=%d decode %.3f compose %.3f encode %.3f audio %.3f process %.3f | ffmpeg %.3f | ratio %.2f%n",
                    n, r.decode, r.compose, r.encode, r.audio, r.process, r.ffmpeg, r.ratio());
        }
        String section = BenchReport.markdown(results, FfmpegAnchor.command(inputs.subList(0, 4), WIDTH, HEIGHT,
                Path.of("out.webm")));
        DocSection.write(out, BenchReport.SECTION, section);
        System.out.println("wrote " + out);
    }

    private static Result runMixer(List<Path> files) throws Exception {
        List<List<WebmPackets.Timed>> streams = new ArrayList<>();
        for (Path f : files) {
            streams.add(SenderLevels.stamp(WebmPackets.read(f)));
        }
        List<Long> decodeThreads = new ArrayList<>();
        ExecutorService decodePool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "decode");
            t.setDaemon(true);
            synchronized (decodeThreads) {
                decodeThreads.add(t.getId());
            }
            return t;
        });
        RoomMixerConfig config = RoomMixerConfig.defaults();
        AtomicLong framesOut = new AtomicLong();
        try (RoomMixer room = new RoomMixer("bench", config, decodePool, MixerEvents.NONE)) {
            List<MixerParticipant> participants = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                participants.add(room.addParticipant("p" + i, "Input " + i, VideoCodec.VP8));
            }
            room.subscribeVideo("viewer", new VideoProfile(VideoCodec.VP8, WIDTH, HEIGHT, 1_500_000),
                    f -> framesOut.incrementAndGet());
            room.subscribeAudio("viewer", f -> { });
            Thread.sleep(500);
            RoomMixerStats before = room.stats();
            long decodeBefore = threadsCpu(decodeThreads);
            long processBefore = processCpu();
            long start = System.nanoTime();
            feed(streams, participants, start);
            long elapsed = System.nanoTime() - start;
            RoomMixerStats after = room.stats();
            double media = elapsed / 1e9;
            return new Result(files.size(), (threadsCpu(decodeThreads) - decodeBefore) / 1e9 / media,
                    (after.composeCpuNanos() - before.composeCpuNanos()) / 1e9 / media,
                    (after.encodeCpuNanos() - before.encodeCpuNanos()) / 1e9 / media,
                    (after.audioCpuNanos() - before.audioCpuNanos()) / 1e9 / media,
                    (processCpu() - processBefore) / 1e9 / media, 0,
                    after.videoOverruns() + after.audioOverruns() - before.videoOverruns() - before.audioOverruns(),
                    framesOut.get());
        } finally {
            decodePool.shutdownNow();
        }
    }

    /** Pushes every packet of every input at its due time, as a network thread would. */
    private static void feed(List<List<WebmPackets.Timed>> streams, List<MixerParticipant> participants, long start)
            throws InterruptedException {
        record Due(int input, WebmPackets.Timed packet) {
        }
        List<Due> all = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            for (WebmPackets.Timed t : streams.get(i)) {
                if (t.dueNanos() < RUN_SECONDS * 1_000_000_000L) {
                    all.add(new Due(i, t));
                }
            }
        }
        all.sort(Comparator.comparingLong(d -> d.packet().dueNanos()));
        for (Due d : all) {
            long wait = start + d.packet().dueNanos() - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            MixerParticipant p = participants.get(d.input());
            if (d.packet().kind() == MediaKind.VIDEO) {
                p.pushVideo(d.packet().frame());
            } else {
                p.pushAudio(d.packet().frame(), d.packet().audioLevel(), System.nanoTime());
            }
        }
    }

    private static long threadsCpu(List<Long> ids) {
        long sum = 0;
        synchronized (ids) {
            for (long id : ids) {
                long t = THREADS.getThreadCpuTime(id);
                if (t > 0) {
                    sum += t;
                }
            }
        }
        return sum;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
