package io.chorus.samples.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one {@link LoadSettings}: encodes the clips, joins every participant (rooms in parallel,
 * members of a room one after another so the join order, and so the grid, is known), paces them,
 * lets the call settle, then measures one window and leaves.
 */
public final class LoadRun {
    private final LoadSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public LoadRun(LoadSettings settings) {
        this.settings = settings;
    }

    public LoadResult run() throws IOException, InterruptedException {
        long encodeStart = System.nanoTime();
        Map<Integer, MediaClip> clips = encodeClips();
        double clipSetupSeconds = (System.nanoTime() - encodeStart) / 1e9;
        List<SyntheticParticipant> everyone = Collections.synchronizedList(new ArrayList<>());
        try (Pacer pacer = new Pacer(settings.fps())) {
            try {
                joinAll(clips, pacer, everyone);
                Thread.sleep(settings.warmupSeconds() * 1000L);
                return measure(everyone, pacer, clipSetupSeconds);
            } finally {
                for (SyntheticParticipant p : everyone) {
                    pacer.remove(p);
                    p.close();
                }
            }
        }
    }

    /** One clip per palette colour in use; members of a room all look different. */
    private Map<Integer, MediaClip> encodeClips() {
        Map<Integer, MediaClip> clips = new HashMap<>();
        List<VideoVariant> variants = settings.videoVariants();
        for (int colour = 0; colour < Math.min(settings.participants(), TestPattern.palette()); colour++) {
            clips.put(colour, MediaClip.encode(colour, variants, settings.fps(),
                    LoadSettings.LOOP_SECONDS * settings.fps()));
        }
        return clips;
    }

    private void joinAll(Map<Integer, MediaClip> clips, Pacer pacer, List<SyntheticParticipant> everyone)
            throws IOException, InterruptedException {
        ExecutorService joiners = Executors.newFixedThreadPool(settings.rooms());
        try {
            List<Future<?>> rooms = new ArrayList<>();
            for (int r = 0; r < settings.rooms(); r++) {
                String room = settings.room(r);
                rooms.add(joiners.submit(() -> {
                    Roster roster = new Roster();
                    for (int k = 0; k < settings.participants(); k++) {
                        SyntheticParticipant p = SyntheticParticipant.join(http, settings.webSocket(), room,
                                room + "-p" + k, clips.get(k % TestPattern.palette()), settings.talks(k),
                                settings.fps(), roster, settings.decodeAll() || k == 0);
                        everyone.add(p);
                        pacer.add(p);
                    }
                    return null;
                }));
            }
            for (Future<?> room : rooms) {
                room.get();
            }
        } catch (ExecutionException e) {
            throw new IOException("a participant could not join: " + e.getCause().getMessage(), e.getCause());
        } finally {
            joiners.shutdownNow();
        }
    }

    private LoadResult measure(List<SyntheticParticipant> everyone, Pacer pacer, double clipSetupSeconds)
            throws IOException, InterruptedException {
        ProcessSampler server = settings.serverPid() > 0 ? new ProcessSampler(settings.serverPid()) : null;
        var self = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<MixerTicks> ticksBefore = ticks();
        for (SyntheticParticipant p : everyone) {
            p.receiver().restartWindow();
            p.latenciesMs().clear();
        }
        double serverCpuBefore = server == null ? Double.NaN : server.cpuSeconds();
        long clientCpuBefore = self.getProcessCpuTime();
        long start = System.nanoTime();
        Thread.sleep(settings.seconds() * 1000L);
        double seconds = (System.nanoTime() - start) / 1e9;
        double serverCpu = server == null ? Double.NaN : server.cpuSeconds() - serverCpuBefore;
        double clientCpu = (self.getProcessCpuTime() - clientCpuBefore) / 1e9;
        double rss = server == null ? Double.NaN : server.rssMegabytes();
        List<MixerTicks> ticksAfter = ticks();
        MixerTicks ticks = new MixerTicks(0, 0, 0, 0);
        for (int r = 0; r < ticksAfter.size(); r++) {
            ticks = ticks.plus(ticksAfter.get(r).minus(ticksBefore.get(r)));
        }
        return summarise(everyone, pacer, seconds, serverCpu / seconds, rss, clientCpu / seconds, ticks,
                clipSetupSeconds);
    }

    private List<MixerTicks> ticks() throws IOException, InterruptedException {
        List<MixerTicks> ticks = new ArrayList<>();
        for (int r = 0; r < settings.rooms(); r++) {
            ticks.add(MixerTicks.fetch(http, settings.server(), settings.room(r)));
        }
        return ticks;
    }

    private LoadResult summarise(List<SyntheticParticipant> everyone, Pacer pacer, double seconds,
            double serverCores, double serverRss, double clientCores, MixerTicks ticks, double clipSetupSeconds) {
        List<MixReceiver.Received> received = new ArrayList<>();
        List<double[]> latencies = new ArrayList<>();
        long undecryptable = 0;
        long switches = 0;
        Map<String, String> finalVariants = new TreeMap<>();
        for (SyntheticParticipant p : everyone) {
            received.add(p.receiver().snapshot());
            latencies.add(p.latenciesMs().toArray());
            undecryptable += p.undecryptablePackets();
            switches += p.videoSwitches();
            finalVariants.put(p.name(), p.videoVariant());
        }
        double[] latency = Samples.concat(latencies);
        double[] fps = received.stream().mapToDouble(MixReceiver.Received::fps).toArray();
        double[] videoKbps = received.stream().mapToDouble(MixReceiver.Received::videoKbps).toArray();
        long videoExpected = received.stream().mapToLong(MixReceiver.Received::videoExpected).sum();
        long videoLost = received.stream().mapToLong(MixReceiver.Received::videoLost).sum();
        long audioExpected = received.stream().mapToLong(MixReceiver.Received::audioExpected).sum();
        long audioLost = received.stream().mapToLong(MixReceiver.Received::audioLost).sum();
        String resolution = received.stream().map(r -> r.width() + "x" + r.height()).distinct().sorted()
                .reduce((a, b) -> a + "," + b).orElse("none");
        return new LoadResult(settings.rooms(), settings.participants(), seconds, serverCores, serverRss, clientCores,
                Samples.percentile(latency, 50), Samples.percentile(latency, 95), Samples.percentile(latency, 100),
                latency.length, mean(fps), min(fps), resolution, mean(videoKbps), min(videoKbps), max(videoKbps),
                mean(received.stream().mapToDouble(MixReceiver.Received::audioKbps).toArray()),
                percent(videoLost, videoExpected), percent(audioLost, audioExpected), ticks.videoTicks(),
                ticks.videoOverruns(), ticks.audioTicks(), ticks.audioOverruns(),
                (int) received.stream().filter(MixReceiver.Received::decoded).count(), pacer.sendFailures(),
                undecryptable, Math.min(settings.talkers(), settings.participants()), settings.audioOnly(),
                settings.adapt(), clipSetupSeconds, switches, finalVariants);
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElse(Double.NaN);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
