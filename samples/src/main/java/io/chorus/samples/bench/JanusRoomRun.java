package io.chorus.samples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chorus.samples.load.ProcessSampler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One measurement: a fresh Janus, one AudioBridge room of N plain-RTP participants on 127.0.0.1
 * (the first T talking), a settle time, then Janus's CPU and the mix received over the window.
 */
final class JanusRoomRun {
    private static final String PLUGIN = "janus.plugin.audiobridge";
    private static final long ROOM = 1;

    private final Path janus;
    private final Path packagedConfigs;
    private final List<List<byte[]>> tones;
    private final byte[] silence;

    /** {@code tones}: one pre-encoded loop per talker, so no encoding happens while Janus is measured. */
    JanusRoomRun(Path janus, Path packagedConfigs, List<List<byte[]>> tones, byte[] silence) {
        this.janus = janus;
        this.packagedConfigs = packagedConfigs;
        this.tones = List.copyOf(tones);
        this.silence = silence.clone();
    }

    JanusRoomResult measure(int participants, int settleSeconds, int seconds) throws IOException,
            InterruptedException {
        int talkers = Math.min(tones.size(), participants);
        List<RtpPeer> peers = new ArrayList<>();
        try (JanusServer server = JanusServer.start(janus, packagedConfigs)) {
            JanusApi api = new JanusApi(server.api());
            createRoom(api);
            for (int i = 0; i < participants; i++) {
                RtpPeer peer = new RtpPeer();
                peers.add(peer);
                peer.connect(join(api, i, peer.port()));
            }
            ProcessSampler janusCpu = new ProcessSampler(server.pid());
            ProcessSampler clientCpu = new ProcessSampler(ProcessHandle.current().pid());
            try (RtpTraffic traffic = new RtpTraffic(peers, tones.subList(0, talkers), silence)) {
                Thread.sleep(settleSeconds * 1000L);
                long[] before = received(peers);
                double janusBefore = janusCpu.cpuSeconds();
                double clientBefore = clientCpu.cpuSeconds();
                long start = System.nanoTime();
                Thread.sleep(seconds * 1000L);
                double wall = (System.nanoTime() - start) / 1e9;
                double janusCores = (janusCpu.cpuSeconds() - janusBefore) / wall;
                double clientCores = (clientCpu.cpuSeconds() - clientBefore) / wall;
                long[] after = received(peers);
                double min = Double.MAX_VALUE;
                double sum = 0;
                for (int i = 0; i < participants; i++) {
                    double rate = (after[i] - before[i]) / wall;
                    min = Math.min(min, rate);
                    sum += rate;
                }
                return new JanusRoomResult(participants, talkers, wall, janusCores, janusCores / participants,
                        clientCores, min, sum / participants, traffic.sendFailures());
            }
        } finally {
            for (RtpPeer p : peers) {
                p.close();
            }
        }
    }

    private static void createRoom(JanusApi api) throws IOException, InterruptedException {
        ObjectNode create = api.body("create").put("room", ROOM).put("sampling_rate", 48_000)
                .put("allow_rtp_participants", true);
        api.message(api.attach(PLUGIN), create);
    }

    /** Joins participant {@code index} as plain RTP from {@code port}; returns the port Janus listens on for it. */
    private static int join(JanusApi api, int index, int port) throws IOException, InterruptedException {
        ObjectNode join = api.body("join").put("room", ROOM).put("display", "p" + index);
        join.putObject("rtp").put("ip", "127.0.0.1").put("port", port).put("payload_type", RtpPeer.PAYLOAD_TYPE);
        JsonNode joined = api.message(api.attach(PLUGIN), join);
        int janusPort = joined.path("rtp").path("port").asInt();
        if (janusPort <= 0) {
            throw new IOException("the AudioBridge gave no RTP port for participant " + index + ": " + joined);
        }
        return janusPort;
    }

    private static long[] received(List<RtpPeer> peers) {
        return peers.stream().mapToLong(RtpPeer::received).toArray();
    }
}
