package io.chorus.samples.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chorus.mixer.video.Layout;
import io.chorus.mixer.video.Tile;
import io.chorus.signalling.e2e.HeadlessChromium;
import io.chorus.signalling.e2e.TestMedia;
import io.chorus.signalling.e2e.UdpImpairmentRelay;
import io.chorus.signalling.e2e.UdpImpairmentRelay.Impairment;
import io.chorus.signalling.server.ChorusServer;
import io.chorus.signalling.server.TestServers;

/**
 * Three real Chromium pages in one room, each behind its own bad link: 5% loss, 30 ms jitter (which
 * reorders) and 1% duplication both ways, through {@link UdpImpairmentRelay}. Over 20 s every page
 * must decode the mix at 25 fps or more, see every tile's moving marker move with no pause over 1 s,
 * and play audio without a break (48,000 samples a second, at most 15% of them concealed, the others'
 * tones never quiet for two readings in a row); NACK, retransmission and PLI counts are reported.
 * Then all three links go down for 3 s: within 2 s of their return every tile moves again on every
 * page and the tones are back. Small inputs (320x180 at 15 fps) so that three browsers fit on two
 * cores; the mix is 640x360 at 30 fps.
 */
class ImpairedNetworkBrowserTest {
    private static final Logger LOG = LoggerFactory.getLogger(ImpairedNetworkBrowserTest.class);
    private static final int CANVAS_WIDTH = 640;
    private static final int CANVAS_HEIGHT = 360;
    private static final int INPUT_WIDTH = 320;
    private static final int INPUT_HEIGHT = 180;
    private static final String ROOM = "impaired";
    private static final String[] NAMES = {"red", "green", "blue"};
    private static final int[][] COLOURS = {{210, 40, 40}, {40, 190, 60}, {50, 70, 220}};
    private static final int[] TONES = {480, 860, 1340};
    private static final double AUDIBLE_DBFS = -60;
    private static final Impairment BAD_LINK = new Impairment(0.05, Duration.ofMillis(30), 0.01);
    private static final Duration WINDOW = Duration.ofSeconds(20);
    private static final Duration OUTAGE = Duration.ofSeconds(3);
    private static final long MAX_FREEZE_MS = 1_000;
    private static final long MAX_RECOVERY_MS = 2_000;
    private static final double MIN_FPS = 25;
    private static final double MAX_CONCEALED = 0.15;

    @TempDir
    static Path work;
    private static ChorusServer server;
    private static int mediaPort;
    private static String pageUrl;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.requireLoopbackOnlyNetwork();
        server = TestServers.start("--video.width=" + CANVAS_WIDTH, "--video.height=" + CANVAS_HEIGHT,
                "--video.fps=30", "--video.tiers=medium:640x360@600000");
        mediaPort = server.mediaAddress().getPort();
        pageUrl = "http://127.0.0.1:" + server.httpAddress().getPort() + "/";
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void threeBrowsersOnLossyJitteryLinksKeepPictureAndSoundAndRecoverFromAnOutage() throws Exception {
        List<UdpImpairmentRelay> relays = new ArrayList<>();
        List<ConferencePage> pages = new ArrayList<>();
        try {
            for (int i = 0; i < NAMES.length; i++) {
                UdpImpairmentRelay relay = new UdpImpairmentRelay(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), mediaPort), 7_000 + i);
                relay.impair(BAD_LINK);
                relays.add(relay);
                TestMedia media = TestMedia.create(work, NAMES[i], COLOURS[i], INPUT_WIDTH, INPUT_HEIGHT, 15, TONES[i]);
                ConferencePage page = new ConferencePage(NAMES[i], media, work, pageUrl);
                pages.add(page);
                page.routeMediaVia(mediaPort, relay.port());
                page.join(ROOM, null, null);
            }
            List<String> ids = pages.stream().map(ConferencePage::participantId).toList();
            List<int[]> colours = List.of(COLOURS);
            for (ConferencePage page : pages) {
                page.assertGrid(ids, colours, CANVAS_WIDTH, CANVAS_HEIGHT, Duration.ofSeconds(30));
            }
            List<double[]> bands = markerBands(ids);
            StringBuilder report = new StringBuilder("impairment each way: " + BAD_LINK + "\n");

            // 20 s on the bad links.
            List<Map<String, Map<String, Object>>> before = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                othersInaudible(pages.get(i), i); // the first reading starts the page's analyser
                pages.get(i).watchMarkers(bands);
                before.add(pages.get(i).rtpStats());
            }
            Thread.sleep(1_000);
            long windowStart = System.currentTimeMillis();
            // The others' tones, read every half second: one quiet reading is counted and reported (the
            // analyser sees 170 ms at a time), two in a row are a break in the sound.
            int[] quietReadings = new int[pages.size()];
            int[] quietInARow = new int[pages.size()];
            int readings = 0;
            List<String> failures = new ArrayList<>();
            while (System.currentTimeMillis() - windowStart < WINDOW.toMillis()) {
                Thread.sleep(500);
                readings++;
                for (int i = 0; i < pages.size(); i++) {
                    String complaint = othersInaudible(pages.get(i), i);
                    quietInARow[i] = complaint == null ? 0 : quietInARow[i] + 1;
                    if (complaint != null) {
                        quietReadings[i]++;
                        LOG.info("{} at {} ms: {}", pages.get(i).name, System.currentTimeMillis() - windowStart, complaint);
                    }
                    if (quietInARow[i] == 2) {
                        failures.add(pages.get(i).name + " lost the others' sound for two readings in a row, at "
                                + (System.currentTimeMillis() - windowStart) + " ms: " + complaint);
                    }
                }
            }
            long windowEnd = System.currentTimeMillis();
            for (int i = 0; i < pages.size(); i++) {
                ConferencePage page = pages.get(i);
                Map<String, Map<String, Object>> after = page.rtpStats();
                double seconds = (windowEnd - windowStart) / 1000.0;
                // Rates over the browser's own interval between the two readings.
                double statsSeconds = delta(before.get(i), after, "inbound-rtp/video", "timestamp") / 1000;
                double fps = delta(before.get(i), after, "inbound-rtp/video", "framesDecoded") / statsSeconds;
                double samplesPerSecond = delta(before.get(i), after, "inbound-rtp/audio", "totalSamplesReceived")
                        / statsSeconds;
                double concealed = delta(before.get(i), after, "inbound-rtp/audio", "concealedSamples")
                        / Math.max(1, delta(before.get(i), after, "inbound-rtp/audio", "totalSamplesReceived"));
                Map<String, Object> watch = page.markerWatch();
                long[] freezes = longestPauses(watch, windowStart, windowEnd);
                long watched = ((List<?>) watch.get("frames")).stream().mapToLong(o -> ((Number) o).longValue())
                        .filter(t -> t >= windowStart && t <= windowEnd).count();
                String line = String.format("%s: %.1f fps decoded, %.1f fps watched; longest tile pause %s ms; audio %.0f samples/s, "
                        + "%.1f%% concealed, others' tones quiet in %d of %d readings; received video: %s NACKs sent, %s PLIs sent, %s retransmissions received; "
                        + "sent video: %s NACKs received, %s PLIs received, %s retransmissions sent; relay up %s, down %s",
                        page.name, fps, watched / seconds, java.util.Arrays.toString(freezes), samplesPerSecond, 100 * concealed,
                        quietReadings[i], readings, count(before.get(i), after, "inbound-rtp/video", "nackCount"),
                        count(before.get(i), after, "inbound-rtp/video", "pliCount"),
                        count(before.get(i), after, "inbound-rtp/video", "retransmittedPacketsReceived"),
                        count(before.get(i), after, "outbound-rtp/video", "nackCount"),
                        count(before.get(i), after, "outbound-rtp/video", "pliCount"),
                        count(before.get(i), after, "outbound-rtp/video", "retransmittedPacketsSent"),
                        relays.get(i).upstream(), relays.get(i).downstream());
                LOG.info(line);
                report.append(line).append('\n');
                if (fps < MIN_FPS) {
                    failures.add(page.name + " decoded " + String.format("%.1f", fps) + " fps");
                }
                for (int t = 0; t < freezes.length; t++) {
                    if (freezes[t] > MAX_FREEZE_MS) {
                        failures.add(page.name + " saw " + NAMES[t] + "'s tile paused for " + freezes[t] + " ms");
                    }
                }
                // Playout runs on: 48,000 samples a second, concealed or not (a stalled stream stops counting).
                if (samplesPerSecond < 0.97 * 48_000) {
                    failures.add(page.name + " played " + Math.round(samplesPerSecond) + " audio samples/s");
                }
                // Concealment covers the 5% lost (and whatever NACK-less audio loses to jitter): it may not
                // become the sound.
                if (concealed > MAX_CONCEALED) {
                    failures.add(page.name + " concealed " + String.format("%.1f%%", 100 * concealed) + " of its audio");
                }
            }

            // A 3 s outage of all three links; the bad links come back as they were.
            for (ConferencePage page : pages) {
                page.watchMarkers(bands);
            }
            relays.forEach(r -> r.cutFor(OUTAGE));
            long linkBack = System.currentTimeMillis() + OUTAGE.toMillis();
            Thread.sleep(OUTAGE.toMillis() + MAX_RECOVERY_MS);
            for (int i = 0; i < pages.size(); i++) {
                String complaint = othersInaudible(pages.get(i), i);
                if (complaint != null) {
                    failures.add(pages.get(i).name + " " + MAX_RECOVERY_MS + " ms after the outage: " + complaint);
                }
            }
            Thread.sleep(2_000);
            for (ConferencePage page : pages) {
                long[] recovery = firstMoves(page.markerWatch(), linkBack);
                String line = String.format("%s: after a %d ms outage, each tile moved again after %s ms",
                        page.name, OUTAGE.toMillis(), java.util.Arrays.toString(recovery));
                LOG.info(line);
                report.append(line).append('\n');
                for (int t = 0; t < recovery.length; t++) {
                    if (recovery[t] < 0 || recovery[t] > MAX_RECOVERY_MS) {
                        failures.add(page.name + ": " + NAMES[t] + "'s tile moved again "
                                + (recovery[t] < 0 ? "never" : "after " + recovery[t] + " ms"));
                    }
                }
            }
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "impaired-network.txt"), report);
            assertTrue(failures.isEmpty(), String.join("\n", failures) + "\n" + report);
        } catch (AssertionError | RuntimeException e) {
            for (ConferencePage page : pages) {
                LOG.error("page {} log:\n{}", page.name, page.log());
            }
            throw e;
        } finally {
            pages.forEach(ConferencePage::close);
            relays.forEach(UdpImpairmentRelay::close);
        }
    }

    /**
     * Where each member's marker runs: a band inside the white box that {@link TestMedia} draws 8 px
     * below the top of its picture, across the picture's whole width, as the grid places and
     * letterboxes each 320x180 input.
     */
    private static List<double[]> markerBands(List<String> ids) {
        List<double[]> bands = new ArrayList<>();
        for (Tile t : Layout.grid().arrange(ids, null, CANVAS_WIDTH, CANVAS_HEIGHT)) {
            double scale = Math.min(t.width() / (double) INPUT_WIDTH, t.height() / (double) INPUT_HEIGHT);
            double x = t.x() + (t.width() - INPUT_WIDTH * scale) / 2;
            double y = t.y() + (t.height() - INPUT_HEIGHT * scale) / 2;
            double markerTop = y + 8 * scale;
            double markerBottom = y + (8 + INPUT_HEIGHT / 10.0) * scale;
            bands.add(new double[] {(x + 2) / CANVAS_WIDTH, (x + INPUT_WIDTH * scale - 2) / CANVAS_WIDTH,
                    (markerTop + 3) / CANVAS_HEIGHT, (markerBottom - 3) / CANVAS_HEIGHT});
        }
        return bands;
    }

    /** Per band, the longest time in [from, to] without its marker moving, counting both ends. */
    private static long[] longestPauses(Map<String, Object> watch, long from, long to) {
        if (watch.get("error") != null || ((List<?>) watch.get("frames")).isEmpty()) {
            throw new AssertionError("the marker watch saw no frames: " + watch.get("error"));
        }
        List<?> moves = (List<?>) watch.get("moves");
        long[] longest = new long[moves.size()];
        for (int b = 0; b < moves.size(); b++) {
            long last = from;
            for (Object o : (List<?>) moves.get(b)) {
                long at = ((Number) o).longValue();
                if (at >= from && at <= to) {
                    longest[b] = Math.max(longest[b], at - last);
                    last = at;
                }
            }
            longest[b] = Math.max(longest[b], to - last);
        }
        return longest;
    }

    /** Per band, ms from {@code since} to its marker's first move after it; -1 if it never moved. */
    private static long[] firstMoves(Map<String, Object> watch, long since) {
        List<?> moves = (List<?>) watch.get("moves");
        long[] first = new long[moves.size()];
        for (int b = 0; b < moves.size(); b++) {
            first[b] = -1;
            for (Object o : (List<?>) moves.get(b)) {
                long at = ((Number) o).longValue();
                if (at > since) {
                    first[b] = at - since;
                    break;
                }
            }
        }
        return first;
    }

    /** Null if the page hears every other member's tone, else which it does not. */
    private static String othersInaudible(ConferencePage page, int own) {
        ConferencePage.ToneLevels levels = page.toneLevels(TONES);
        for (int i = 0; i < TONES.length; i++) {
            if (i != own && levels.levels()[i] < AUDIBLE_DBFS) {
                return "does not hear the " + TONES[i] + " Hz tone: " + levels;
            }
        }
        return null;
    }

    private static double delta(Map<String, Map<String, Object>> before, Map<String, Map<String, Object>> after,
            String stream, String field) {
        return number(after, stream, field) - number(before, stream, field);
    }

    /** A counter's growth for the report, or "n/a" where this browser does not give it. */
    private static String count(Map<String, Map<String, Object>> before, Map<String, Map<String, Object>> after,
            String stream, String field) {
        Map<String, Object> a = after.get(stream);
        Map<String, Object> b = before.get(stream);
        if (a == null || b == null || !(a.get(field) instanceof Number n) || !(b.get(field) instanceof Number m)) {
            return "n/a";
        }
        return Long.toString(n.longValue() - m.longValue());
    }

    private static double number(Map<String, Map<String, Object>> stats, String stream, String field) {
        Map<String, Object> s = stats.get(stream);
        if (s == null || !(s.get(field) instanceof Number n)) {
            throw new AssertionError("no " + field + " in the browser's " + stream + " statistics: " + stats.keySet());
        }
        return n.doubleValue();
    }
}
