package io.chorus.samples.bench;

import io.chorus.mixer.codec.OpusLibrary;
import io.chorus.samples.load.LoadReport;
import io.chorus.samples.load.LoadResult;
import io.chorus.samples.load.LoadRun;
import io.chorus.samples.load.LoadSettings;
import io.chorus.samples.load.OpusTone;
import java.awt.Color;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end-to-end benchmark behind samples/bench/load-bench.sh: starts the server as its own process,
 * runs one room each of N = 2, 4, 9, 16, then more and more 4-person rooms at once until the server
 * no longer keeps real time, times the FFmpeg command line doing the same media work per N, and
 * writes the load section of docs/benchmarks.md, a plot and the raw results as JSON.
 * <p>Arguments: docs/benchmarks.md, the plot's PNG, the FFmpeg input directory, the JSON file, then
 * optional flags. By default every participant talks and sends 640x360 throughout, so the sections
 * stay comparable with earlier runs. {@code --adapt}: cameras follow the server's constraints and
 * REMB. {@code --talkers=K}: K talkers per room, the others listeners with Opus DTX.
 * {@code --audio-rooms}: adds a section of audio-only rooms of 20 and 40 with 2 talkers.
 */
public final class LoadBenchmark {
    private static final int HTTP_PORT = 18080;
    private static final int MEDIA_PORT = 18000;
    private static final int SECONDS = 10;
    private static final int WARMUP = 4;
    private static final int[] ROOM_SIZES = {2, 4, 9, 16};
    private static final int CAPACITY_ROOM_SIZE = 4;
    private static final int MAX_CAPACITY_ROOMS = 8;
    private static final int[] AUDIO_ROOM_SIZES = {20, 40};
    private static final int AUDIO_ROOM_TALKERS = 2;

    private LoadBenchmark() {
    }

    /** The optional flags. */
    private record Options(boolean adapt, int talkers, boolean audioRooms) {
        /**
         * The section of docs/benchmarks.md a run writes: like-for-like runs (every camera at 640x360)
         * and tile-aware runs keep their own, so one does not overwrite the other.
         */
        String marker() {
            return adapt ? "load-benchmark-adapt" : "load-benchmark";
        }

        static Options parse(List<String> flags) {
            boolean adapt = false;
            int talkers = Integer.MAX_VALUE;
            boolean audioRooms = false;
            for (String flag : flags) {
                if (flag.equals("--adapt")) {
                    adapt = true;
                } else if (flag.startsWith("--talkers=")) {
                    talkers = Integer.parseInt(flag.substring("--talkers=".length()));
                } else if (flag.equals("--audio-rooms")) {
                    audioRooms = true;
                } else {
                    throw new IllegalArgumentException("unknown flag " + flag + "; known: --adapt --talkers=K "
                            + "--audio-rooms");
                }
            }
            return new Options(adapt, talkers, audioRooms);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            throw new IllegalArgumentException("usage: LoadBenchmark docs/benchmarks.md plot.png inputs-dir out.json "
                    + "[--adapt] [--talkers=K] [--audio-rooms]");
        }
        Path doc = Path.of(args[0]);
        Path inputs = Path.of(args[2]);
        Path json = Path.of(args[3]);
        Options options = Options.parse(List.of(args).subList(4, args.length));
        // Each section keeps its own plot, as it keeps its own text.
        Path png = Path.of(args[1].replaceFirst("\\.png$", "") + (options.adapt() ? "-adapt" : "") + ".png");
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        List<LoadResult> sizes = new ArrayList<>();
        List<LoadResult> capacity = new ArrayList<>();
        List<LoadResult> audioRooms = new ArrayList<>();
        Process server = startServer(json.resolveSibling("load-bench-server.log"));
        try {
            URI uri = URI.create("http://127.0.0.1:" + HTTP_PORT);
            awaitHealthy(uri);
            // Unmeasured: the first room of a fresh server pays for JIT compilation (a third of a
            // 30 s profile), which says nothing about what a room costs a running server.
            run(uri, server.pid(), 1, CAPACITY_ROOM_SIZE, "warmup", options.talkers(), false, options.adapt());
            for (int n : ROOM_SIZES) {
                sizes.add(run(uri, server.pid(), 1, n, "size" + n, options.talkers(), false, options.adapt()));
                System.out.print(LoadReport.table(List.of(sizes.get(sizes.size() - 1))));
            }
            for (int rooms = 1; rooms <= MAX_CAPACITY_ROOMS; rooms++) {
                LoadResult r = run(uri, server.pid(), rooms, CAPACITY_ROOM_SIZE, "cap" + rooms, options.talkers(),
                        false, options.adapt());
                capacity.add(r);
                System.out.print(LoadReport.table(List.of(r)));
                if (!r.realTime()) {
                    break;
                }
            }
            for (int n : options.audioRooms() ? AUDIO_ROOM_SIZES : new int[0]) {
                audioRooms.add(run(uri, server.pid(), 1, n, "audio" + n, AUDIO_ROOM_TALKERS, true, false));
                System.out.print(LoadReport.table(List.of(audioRooms.get(audioRooms.size() - 1))));
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
        // The same rooms on Janus AudioBridge, after Chorus has stopped, so the two never share the cores.
        List<JanusRoomResult> janus = new ArrayList<>();
        if (options.audioRooms()) {
            janus.addAll(janusRooms());
        }
        Map<Integer, Double> ffmpeg = new LinkedHashMap<>();
        Map<Integer, String> commands = new LinkedHashMap<>();
        List<Path> files = BenchInputs.ensure(inputs, ROOM_SIZES[ROOM_SIZES.length - 1]);
        for (int n : ROOM_SIZES) {
            String cmd = FfmpegAnchor.command(files.subList(0, n), 1280, 720, inputs.resolve("load-anchor-" + n + ".webm"));
            commands.put(n, cmd);
            ffmpeg.put(n, FfmpegAnchor.medianCpuSeconds(cmd) / BenchInputs.SECONDS);
        }
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
        List<LoadResult> all = new ArrayList<>(sizes);
        all.addAll(capacity);
        all.addAll(audioRooms);
        LoadReport.writeJson(all, json);
        LoadPlot.write("Chorus server vs FFmpeg CLI, one room", List.of(
                new LoadPlot.Series("Chorus server process (real protocol, loopback)", new Color(200, 60, 40),
                        sizes.stream().map(r -> new double[] {r.participantsPerRoom(), r.serverCpuCores()}).toList()),
                new LoadPlot.Series("FFmpeg CLI, same decode + composite + encode", new Color(40, 90, 200),
                        ffmpeg.entrySet().stream().map(e -> new double[] {e.getKey(), e.getValue()}).toList())), png);
        String section = section(sizes, capacity, audioRooms, janus, options, ffmpeg, commands.get(4), loadBefore, loadAfter,
                doc, png);
        DocSection.write(doc, options.marker(), section);
        System.out.println(section);
    }

    private static LoadResult run(URI uri, long pid, int rooms, int n, String prefix, int talkers, boolean audioOnly,
            boolean adapt) throws IOException, InterruptedException {
        return new LoadRun(new LoadSettings(uri, rooms, n, SECONDS, WARMUP, 640, 360, 30, 400_000, false, pid,
                prefix, talkers, audioOnly, adapt)).run();
    }

    private static Process startServer(Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Dice4j.harvest.mapping.aws.enabled=false"));
        command.addAll(OpusLibrary.JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.chorus.signalling.server.ChorusServer",
                "--http.port=" + HTTP_PORT, "--media.port=" + MEDIA_PORT, "--rooms.emptyRoomGrace=500ms",
                // The audio rooms are larger than the default limits of 16 participants per room and 32
                // connections per address, and every synthetic participant connects from 127.0.0.1.
                "--rooms.maxParticipants=" + AUDIO_ROOM_SIZES[AUDIO_ROOM_SIZES.length - 1],
                "--http.maxConnectionsPerAddress=" + 2 * AUDIO_ROOM_SIZES[AUDIO_ROOM_SIZES.length - 1],
                // The benchmark measures the server as deployed: a missing libopus0 is an error, not a slow run.
                "--audio.opusLibrary=system"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitHealthy(URI uri) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri.resolve("/api/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IOException("the server did not answer /api/health within 60 s");
    }

    private static List<JanusRoomResult> janusRooms() throws IOException, InterruptedException {
        List<List<byte[]>> tones = new ArrayList<>();
        for (int i = 0; i < AUDIO_ROOM_TALKERS; i++) {
            tones.add(OpusTone.loop(i));
        }
        JanusRoomRun run = new JanusRoomRun(Path.of("/usr/bin/janus"), Path.of("/etc/janus"), tones, OpusTone.silence());
        List<JanusRoomResult> results = new ArrayList<>();
        for (int n : AUDIO_ROOM_SIZES) {
            results.add(run.measure(n, WARMUP, SECONDS));
            System.out.print(JanusRoomResult.tableHeader() + results.get(results.size() - 1).tableRow());
        }
        return results;
    }

    private static String section(List<LoadResult> sizes, List<LoadResult> capacity, List<LoadResult> audioRooms,
            List<JanusRoomResult> janus, Options options, Map<Integer, Double> ffmpeg, String ffmpegCommand, String loadBefore, String loadAfter,
            Path doc, Path png) {
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder s = new StringBuilder();
        s.append("## End to end").append(options.adapt() ? ", tile-aware publishing on" : "")
                .append(": synthetic participants over the real protocol, measured ").append(LocalDate.now())
                .append("\n\n");
        s.append(String.format(Locale.ROOT, "Server started as its own process (default canvas 1280x720 at 30 fps, "
                + "tiers high/medium/low; every participant receives `high`); the load client in a second JVM on the "
                + "same %d cores: each participant sends pre-encoded 640x360 VP8 at 30 fps (~400 kb/s, looped every "
                + "%d s) and a 32 kb/s Opus tone over WebSocket + ICE + DTLS-SRTP on loopback. The server first runs "
                + "one unmeasured 4-person room (JIT warm-up); each run then has %d s of warm-up and %d s measured. "
                + "Load average (1/5/15 min) before the run: `%s`, after: `%s` (other work shares this "
                + "machine). Every audio packet carries its RFC 6464 level. The server's Opus codecs run on the "
                + "system's libopus (`--audio.opusLibrary=system`).%n%n", cores, LoadSettings.LOOP_SECONDS,
                WARMUP, SECONDS, loadBefore, loadAfter));
        if (options.adapt()) {
            s.append("Cameras follow the server's `video-constraints` and REMB (pre-encoded variants from 640x360 "
                    + "down to 160x90, at 30 or 15 fps).\n\n");
        }
        if (options.talkers() != Integer.MAX_VALUE) {
            s.append(String.format(Locale.ROOT, "%d talker(s) per room; the others are listeners sending Opus DTX "
                    + "silence every 400 ms.%n%n", options.talkers()));
        }
        s.append("### One room of N\n\n").append(LoadReport.table(sizes)).append('\n');
        s.append("| N | Chorus server CPU | FFmpeg CLI CPU | ratio |\n|---|---|---|---|\n");
        for (LoadResult r : sizes) {
            double f = ffmpeg.get(r.participantsPerRoom());
            s.append(String.format(Locale.ROOT, "| %d | %.3f | %.3f | %.2f |%n", r.participantsPerRoom(),
                    r.serverCpuCores(), f, r.serverCpuCores() / f));
        }
        s.append("\n![CPU per media second against N](").append(doc.getParent().relativize(png)).append(")\n\n");
        s.append("### Capacity: 4-person rooms at once, until the server no longer keeps real time\n\n")
                .append(LoadReport.table(capacity)).append('\n');
        int sustained = capacity.stream().filter(LoadResult::realTime).mapToInt(LoadResult::participants).max()
                .orElse(0);
        s.append(String.format(Locale.ROOT, "Real time means tick overruns <= %.0f%% of ticks and every receiver at "
                + ">= %.0f fps. Largest load kept in real time: %d participants on %d cores (%.1f participants per "
                + "core, with the load client on the same cores).%n%n", LoadResult.MAX_OVERRUN_SHARE * 100,
                LoadResult.MIN_FPS, sustained, cores, (double) sustained / cores));
        if (!audioRooms.isEmpty()) {
            s.append(String.format(Locale.ROOT, "### Audio-only rooms, %d talkers, the others listeners with Opus "
                    + "DTX%n%n", AUDIO_ROOM_TALKERS)).append(LoadReport.table(audioRooms)).append('\n');
            s.append("The same rooms on Janus 1.1.2 AudioBridge (Debian's package) in the same run, driven as plain-RTP "
                    + "participants (talkers send the same tones, listeners a silence packet every 400 ms), measured "
                    + "over the same window after Chorus had stopped:\n\n").append(JanusRoomResult.tableHeader());
            janus.forEach(j -> s.append(j.tableRow()));
            s.append("\n| N | Chorus server CPU | Janus CPU | ratio |\n|---|---|---|---|\n");
            for (int i = 0; i < Math.min(audioRooms.size(), janus.size()); i++) {
                double chorus = audioRooms.get(i).serverCpuCores();
                double j = janus.get(i).janusCores();
                s.append(String.format(Locale.ROOT, "| %d | %.3f | %.3f | %.2f |%n", janus.get(i).participants(),
                        chorus, j, chorus / j));
            }
            s.append('\n');
        }
        s.append("Latency is read by the first participant of each room only (`--decode=first`): all receivers of "
                + "a tier get the same encoded stream, so one decoder sees every member's counter; the others count "
                + "frames, bytes and sequence gaps without decoding. The clients' own CPU is the `clients CPU` "
                + "column.\n\n");
        s.append("Commands: `samples/bench/load-bench.sh` (this section); one run by hand: `java -cp ... "
                + "io.chorus.samples.load.LoadClient --server=http://127.0.0.1:8080 --rooms=1 --participants=4 "
                + "--seconds=20 --decode=first --server-pid=PID --json=out.json`. The FFmpeg anchor for N=4:\n\n```\n")
                .append(ffmpegCommand).append("\n```\n");
        return s.toString();
    }
}
