package io.chorus.signalling.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A participant alone in a room of its own, connected over ICE and DTLS, counting the media the
 * server sends it: the proof that a probe aimed elsewhere left other rooms' media alone.
 */
final class MediaWitness implements AutoCloseable {
    /**
     * A lone member receives its room's composite and silence: about 80 packets a second on loopback
     * (50 audio, 30 video, reports). A stalled media path sends none; a struggling one, far fewer.
     */
    private static final double MIN_PACKETS_PER_SECOND = 20;

    private final TestWebSocket socket;
    private final ConnectingClient media;
    /** Reports every 500 ms, as a browser sends them: they keep the witness's session alive. */
    private final ScheduledExecutorService reports = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "witness-reports");
        t.setDaemon(true);
        return t;
    });

    private MediaWitness(TestWebSocket socket, ConnectingClient media) {
        this.socket = socket;
        this.media = media;
        reports.scheduleAtFixedRate(() -> {
            try {
                media.sendReceiverReport();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, 0, 500, TimeUnit.MILLISECONDS);
    }

    static MediaWitness join(ChorusServer server) throws Exception {
        TestWebSocket socket = new TestWebSocket(URI.create("ws://127.0.0.1:" + server.httpAddress().getPort() + "/ws"));
        ConnectingClient media = null;
        try {
            // The lowest tier: the witness needs packets, not pictures, and the probes a quiet machine.
            socket.send("{\"type\":\"join\",\"room\":\"witness\",\"name\":\"witness\",\"maxBitrate\":150000}");
            socket.next("joined");
            media = new ConnectingClient("witness");
            socket.send(new ObjectMapper().createObjectNode().put("type", "offer")
                    .put("sdp", media.offer(ConferenceSignallingTest.chromeOffer())).toString());
            String answer = socket.next("answer").get("sdp").asText();
            media.connect(answer, socket.next("candidate").get("candidate").asText(), Duration.ofSeconds(15));
            MediaWitness witness = new MediaWitness(socket, media);
            Thread.sleep(1_000); // the first key frame of its composite
            witness.assertReceiving("once connected");
            return witness;
        } catch (Exception | AssertionError e) {
            if (media != null) {
                media.close();
            }
            socket.close();
            throw e;
        }
    }

    /** Fails unless media arrived at the expected rate over the next second. */
    void assertReceiving(String when) throws Exception {
        long before = media.mediaPackets();
        long start = System.nanoTime();
        Thread.sleep(1_000);
        double rate = (media.mediaPackets() - before) / ((System.nanoTime() - start) / 1e9);
        System.out.printf("witness: %.1f media packets a second %s%n", rate, when);
        assertTrue(rate >= MIN_PACKETS_PER_SECOND, String.format(
                "the witness in another room received %.1f media packets a second %s", rate, when));
    }

    @Override
    public void close() throws Exception {
        reports.shutdownNow();
        media.close();
        socket.close();
    }
}
