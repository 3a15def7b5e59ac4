package io.chorus.signalling.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chorus.core.session.SessionState;
import io.chorus.signalling.conference.EchoParticipant;
import io.chorus.signalling.server.ChorusServer;
import io.chorus.signalling.server.TestServers;

/**
 * A real headless Chromium joins the echo room over loopback and gets its own camera and
 * microphone back through the server: ICE, DTLS-SRTP, RTP/RTCP, depacketizing and re-packetizing.
 */
class EchoBrowserTest {
    private static final Logger LOG = LoggerFactory.getLogger(EchoBrowserTest.class);
    private static final int COLOUR_TOLERANCE = 30;

    @TempDir
    static Path work;
    private static TestMedia media;
    private static ChorusServer server;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.requireLoopbackOnlyNetwork();
        media = TestMedia.create(work);
        server = TestServers.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String echoUrl(String query) {
        return "http://127.0.0.1:" + server.httpAddress().getPort() + "/echo.html" + query;
    }

    @Test
    void chromiumSeesAndHearsItselfThroughTheServer() throws Exception {
        try (HeadlessChromium chromium = new HeadlessChromium(media, work)) {
            chromium.driver.get(echoUrl("?name=e2e"));
            Map<String, Object> stats = awaitStats(chromium, Duration.ofSeconds(40), s -> {
                Map<String, Object> video = map(s.get("video"));
                Map<String, Object> audio = map(s.get("audio"));
                return video != null && number(video.get("framesDecoded")) >= 30
                        && audio != null && number(audio.get("packetsReceived")) >= 50;
            });
            Map<String, Object> video = map(stats.get("video"));
            assertEquals("video/VP8", video.get("codec"), "VP8 is preferred when offered: " + stats);
            assertEquals(TestMedia.WIDTH, number(video.get("frameWidth")), "decoded width: " + stats);
            assertEquals(TestMedia.HEIGHT, number(video.get("frameHeight")), "decoded height: " + stats);

            Map<String, Object> pair = map(stats.get("pair"));
            assertEquals("127.0.0.1", pair.get("local"), "selected pair " + pair);
            assertEquals("127.0.0.1", pair.get("remote"), "selected pair " + pair);
            assertEquals("succeeded", pair.get("state"));
            Map<String, Object> transport = map(stats.get("transport"));
            assertEquals("connected", transport.get("dtlsState"), "transport " + transport);
            assertNotNull(transport.get("srtpCipher"), "SRTP in use: " + transport);

            Map<String, Object> sample = map(js(chromium).executeScript("return window.chorusEcho.sampleRemote();"));
            assertNotNull(sample, "remote video has a picture");
            int[] got = {(int) number(sample.get("r")), (int) number(sample.get("g")), (int) number(sample.get("b"))};
            for (int i = 0; i < 3; i++) {
                assertTrue(Math.abs(got[i] - TestMedia.COLOUR[i]) <= COLOUR_TOLERANCE,
                        "centre colour " + sample + " should be close to the sent " + List.of(TestMedia.COLOUR[0],
                                TestMedia.COLOUR[1], TestMedia.COLOUR[2]));
            }

            Map<String, Object> audio = awaitStats(chromium, Duration.ofSeconds(10),
                    s -> map(s.get("audio")) != null && number(map(s.get("audio")).get("totalAudioEnergy")) > 0);
            assertTrue(number(map(audio.get("audio")).get("totalAudioEnergy")) > 0, "the tone came back audible");

            Files.write(Path.of("target", "echo-page.png"),
                    chromium.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            // Without the server's transport-cc feedback Chromium stays near 150 kb/s (measured). It
            // usually passes 500 kb/s within a few seconds; a loaded machine has taken longer than 15 s.
            Map<String, Object> estimate = awaitStats(chromium, Duration.ofSeconds(30),
                    s -> number(map(s.get("pair")).get("availableOutgoingBitrate")) > 500_000);
            LOG.info("browser's upstream estimate: {} b/s", map(estimate.get("pair")).get("availableOutgoingBitrate"));
            double firstFrameMs = number(stats.get("firstFrameMs"));
            LOG.info("join -> first decoded echoed frame: {} ms", Math.round(firstFrameMs));
            Files.writeString(Path.of("target", "echo-first-frame-ms.txt"), Math.round(firstFrameMs) + "\n");

            EchoParticipant participant = server.echoRoom().participants().values().iterator().next();
            assertEquals(SessionState.CONNECTED, participant.session().state());
        }
    }

    @Test
    void h264IsEchoedWhenItIsTheOnlyVideoCodecOffered() throws Exception {
        try (HeadlessChromium chromium = new HeadlessChromium(media, work)) {
            chromium.driver.get(echoUrl("?name=h264&codec=h264"));
            Map<String, Object> stats = awaitStats(chromium, Duration.ofSeconds(40), s -> map(s.get("video")) != null
                    && number(map(s.get("video")).get("framesDecoded")) >= 30);
            Map<String, Object> video = map(stats.get("video"));
            assertEquals("video/H264", video.get("codec"), "negotiated codec: " + stats);
            assertEquals(TestMedia.WIDTH, number(video.get("frameWidth")));
            assertEquals(TestMedia.HEIGHT, number(video.get("frameHeight")));
            Map<String, Object> sample = map(js(chromium).executeScript("return window.chorusEcho.sampleRemote();"));
            assertTrue(Math.abs((int) number(sample.get("r")) - TestMedia.COLOUR[0]) <= COLOUR_TOLERANCE,
                    "centre colour " + sample);
        }
    }

    @Test
    void aTamperedFingerprintIsRefused() throws Exception {
        try (HeadlessChromium chromium = new HeadlessChromium(media, work)) {
            chromium.driver.get(echoUrl("?tamperFingerprint=1"));
            Map<String, Object> refusal = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (refusal == null && System.nanoTime() < deadline) {
                List<Object> events = list(js(chromium).executeScript("return window.chorusEcho.serverEvents;"));
                for (Object e : events) {
                    Map<String, Object> event = map(e);
                    if ("connection-state".equals(event.get("type")) && "failed".equals(event.get("state"))) {
                        refusal = event;
                    }
                }
                Thread.sleep(200);
            }
            assertNotNull(refusal, "the server reports the refused connection");
            assertTrue(String.valueOf(refusal.get("detail")).contains("fingerprint"), "reason: " + refusal);
            Map<String, Object> stats = collect(chromium);
            Map<String, Object> video = map(stats.get("video"));
            assertTrue(video == null || number(video.get("framesDecoded")) == 0, "no media flowed: " + stats);
            Map<String, Object> transport = map(stats.get("transport"));
            assertTrue(transport == null || !"connected".equals(transport.get("dtlsState")), "transport " + transport);
        }
    }

    /**
     * A browser that freezes without a goodbye (SIGSTOP: no DTLS close_notify, no WebSocket close)
     * falls silent; the server must notice and release the transport in 30 s.
     */
    @Test
    void aVanishedBrowserIsDetectedByItsSilence() throws Exception {
        try (HeadlessChromium chromium = new HeadlessChromium(media, work)) {
            chromium.driver.get(echoUrl("?name=vanishing"));
            awaitStats(chromium, Duration.ofSeconds(40), s -> map(s.get("video")) != null
                    && number(map(s.get("video")).get("framesDecoded")) >= 5);
            assertEquals(1, server.echoRoom().participants().size());
            List<ProcessHandle> browser = ProcessHandle.current().descendants()
                    .filter(p -> p.info().command().orElse("").contains("chromium")).toList();
            assertTrue(!browser.isEmpty(), "found the Chromium processes");
            signal("STOP", browser);
            long frozenAt = System.nanoTime();
            try {
                while (!server.echoRoom().participants().isEmpty()
                        && System.nanoTime() - frozenAt < Duration.ofSeconds(35).toNanos()) {
                    Thread.sleep(100);
                }
                long detectedMs = (System.nanoTime() - frozenAt) / 1_000_000;
                LOG.info("frozen browser detected and released after {} ms", detectedMs);
                assertTrue(server.echoRoom().participants().isEmpty(), "transport still held after 35 s");
                assertTrue(detectedMs < 30_000, "detected after " + detectedMs + " ms");
            } finally {
                signal("CONT", browser);
            }
        }
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
        for (ProcessHandle p : processes) {
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor();
        }
    }

    private static Map<String, Object> awaitStats(HeadlessChromium chromium, Duration timeout,
            Predicate<Map<String, Object>> done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> stats = null;
        while (System.nanoTime() < deadline) {
            stats = collect(chromium);
            if (stats != null && done.test(stats)) {
                return stats;
            }
            Thread.sleep(250);
        }
        Object log = js(chromium).executeScript("return document.getElementById('log').textContent;");
        throw new AssertionError("timed out after " + timeout + "; last stats " + stats + "\npage log:\n" + log);
    }

    private static Map<String, Object> collect(HeadlessChromium chromium) {
        return map(js(chromium).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; window.chorusEcho.collect().then(done, e => done(null));"));
    }

    private static JavascriptExecutor js(HeadlessChromium chromium) {
        return chromium.driver;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    private static double number(Object o) {
        return o == null ? 0 : ((Number) o).doubleValue();
    }
}
