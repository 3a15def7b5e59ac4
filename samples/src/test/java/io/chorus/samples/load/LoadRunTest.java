package io.chorus.samples.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.signalling.config.ConfigLoader;
import io.chorus.signalling.server.ChorusServer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two synthetic participants against a real server in this JVM, over loopback. */
class LoadRunTest {

    @Test
    void twoParticipantsReceiveTheCompositeAndMeasureTheMixersLatency() throws Exception {
        int mediaPort;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            mediaPort = probe.getLocalPort();
        }
        try (ChorusServer server = ChorusServer.start(ConfigLoader.load(new String[] {"--http.port=0",
            "--media.port=" + mediaPort, "--video.width=320", "--video.height=180", "--video.fps=15",
            "--video.tiers=low:320x180@150000"}, Map.of()))) {
            URI uri = URI.create("http://127.0.0.1:" + server.httpAddress().getPort());
            LoadResult result = new LoadRun(new LoadSettings(uri, 1, 2, 5, 3, 320, 180, 15, 200_000, true, 0,
                    "loadtest", 2, false, true)).run();

            assertEquals("320x180", result.resolution());
            assertEquals(2, result.decodingReceivers());
            assertTrue(result.fpsMin() > 5, "each receives the composite: " + result);
            assertTrue(result.latencySamples() > 10, "counters were read: " + result);
            assertTrue(result.latencyP50Ms() > 0 && result.latencyP95Ms() < 1000, "latency: " + result);
            assertEquals(0, result.sendFailures());
            // Two tiles side by side on a 320x180 canvas are 160x90 each: the server asks each camera for
            // that, and the clients switch to their 160x90 variant.
            assertEquals(Map.of("loadtest-0-p0", "160x90@15", "loadtest-0-p1", "160x90@15"),
                    result.finalVariants(), "the cameras follow the server's video-constraints");
            assertEquals(2, result.videoSwitches(), "one switch each, no bouncing");
            assertTrue(result.clientCpuCores() > 0, "the client measures itself: " + result);
        }
    }

    @Test
    void anAudioOnlyRoomWithOneTalkerHearsItWithoutLoss() throws Exception {
        int mediaPort;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            mediaPort = probe.getLocalPort();
        }
        try (ChorusServer server = ChorusServer.start(ConfigLoader.load(new String[] {"--http.port=0",
            "--media.port=" + mediaPort}, Map.of()))) {
            URI uri = URI.create("http://127.0.0.1:" + server.httpAddress().getPort());
            LoadResult result = new LoadRun(new LoadSettings(uri, 1, 3, 4, 2, 640, 360, 30, 400_000, false, 0,
                    "audiotest", 1, true, true)).run();

            assertTrue(result.audioOnly());
            assertEquals(1, result.talkersPerRoom());
            assertEquals(Map.of("audiotest-0-p0", "none", "audiotest-0-p1", "none", "audiotest-0-p2", "none"),
                    result.finalVariants());
            assertEquals("0x0", result.resolution(), "no composite for audio-only members");
            assertTrue(result.audioKbpsMean() > 5, "the mix comes back: " + result);
            assertEquals(0, result.audioLossPercent(), 0.5);
            assertEquals(0, result.sendFailures());
            assertEquals(0, result.undecryptablePackets());
        }
    }
}
