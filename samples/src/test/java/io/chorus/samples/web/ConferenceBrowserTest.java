package io.chorus.samples.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chorus.signalling.e2e.HeadlessChromium;
import io.chorus.signalling.e2e.TestMedia;
import io.chorus.signalling.server.ChorusServer;
import io.chorus.signalling.server.TestServers;

/**
 * The product as a person meets it: real headless Chromium pages on the sample page join one room,
 * each sending its own colour and tone. Every page must see all the colours in the grid positions
 * the server's layout gives them and hear the others' tones but not its own; a leave and a rejoin
 * change the picture within 2 s; a page that asks for 200 kb/s gets the 320x180 tier while the
 * others keep theirs. The canvas is 640x360 at 15 fps so that four browsers fit on two cores.
 */
class ConferenceBrowserTest {
    private static final Logger LOG = LoggerFactory.getLogger(ConferenceBrowserTest.class);
    private static final int CANVAS_WIDTH = 640;
    private static final int CANVAS_HEIGHT = 360;
    private static final String ROOM = "e2e-room";
    private static final String[] NAMES = {"red", "green", "blue"};
    private static final int[][] COLOURS = {{210, 40, 40}, {40, 190, 60}, {50, 70, 220}};
    /** Far apart and not harmonics of each other, so each tone has its own FFT bins. */
    private static final int[] TONES = {480, 860, 1340};
    private static final double AUDIBLE_DBFS = -60;

    @TempDir
    static Path work;
    private static ChorusServer server;
    private static String pageUrl;
    private static final List<TestMedia> MEDIA = new ArrayList<>();
    private static TestMedia lowBandwidthMedia;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.requireLoopbackOnlyNetwork();
        for (int i = 0; i < NAMES.length; i++) {
            MEDIA.add(TestMedia.create(work, NAMES[i], COLOURS[i], 320, 180, 15, TONES[i]));
        }
        lowBandwidthMedia = TestMedia.create(work, "grey", new int[] {128, 128, 128}, 320, 180, 10, 2200);
        server = TestServers.start("--video.width=" + CANVAS_WIDTH, "--video.height=" + CANVAS_HEIGHT, "--video.fps=15",
                "--video.tiers=medium:640x360@500000,low:320x180@150000");
        pageUrl = "http://127.0.0.1:" + server.httpAddress().getPort() + "/";
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void threeBrowsersSeeTheGridAndHearEachOtherButNotThemselves() throws Exception {
        List<ConferencePage> pages = new ArrayList<>();
        try {
            for (int i = 0; i < NAMES.length; i++) {
                ConferencePage page = new ConferencePage(NAMES[i], MEDIA.get(i), work, pageUrl);
                pages.add(page);
                // The first member is alone in the room: its own picture fills the composite's centre.
                page.join(ROOM, null, i == 0 ? COLOURS[0] : null);
            }
            List<String> ids = pages.stream().map(ConferencePage::participantId).toList();
            long cpuStart = processCpuNanos();
            long wallStart = System.nanoTime();
            for (ConferencePage page : pages) {
                assertGrid(page, ids, pages, Duration.ofSeconds(30));
            }
            for (ConferencePage page : pages) {
                LOG.info("{}: join -> first mixed frame {} ms", page.name, Math.round(page.firstMixedFrameMs()));
                assertTrue(page.firstMixedFrameMs() > 0, page.name + " never showed a mixed frame");
            }
            for (int i = 0; i < pages.size(); i++) {
                assertHearsOthersNotItself(pages.get(i), i);
            }
            double cores = (processCpuNanos() - cpuStart) / (double) (System.nanoTime() - wallStart);
            LOG.info("server process (with the test's Selenium client) during the three-browser call: {} cores",
                    String.format("%.2f", cores));
            double ownPictureMs = pages.get(0).ownPictureMs();
            LOG.info("{}: join -> own picture in the composite {} ms", pages.get(0).name, Math.round(ownPictureMs));
            assertTrue(ownPictureMs > 0, "the first member never saw its own picture in the composite");
            Files.writeString(Path.of("target", "three-browser-call.txt"), String.format(
                    "first mixed frame ms: %s%nfirst member's own picture ms: %d%nserver process cores: %.2f%n",
                    pages.stream().map(p -> Long.toString(Math.round(p.firstMixedFrameMs()))).toList(),
                    Math.round(ownPictureMs), cores));

            // Chat: typed on one page, shown on every page; markup stays text.
            String line = "hello <b>all</b> & bye";
            pages.get(1).sendChat(line);
            for (ConferencePage page : pages) {
                String sender = pages.get(1).name;
                assertNull(ConferencePage.await(Duration.ofSeconds(5), () -> page.chatLines().stream()
                        .anyMatch(l -> l.endsWith(sender + ": " + line)) ? null
                                : page.name + " does not show the chat line: " + page.chatLines()));
            }

            // One leaves: within 2 s the others show two tiles.
            ConferencePage leaver = pages.get(0);
            leaver.leave();
            long leftAt = System.nanoTime();
            List<ConferencePage> stayers = pages.subList(1, pages.size());
            List<String> twoIds = ids.subList(1, ids.size());
            for (ConferencePage page : stayers) {
                assertGrid(page, twoIds, stayers, Duration.ofMillis(2_000) .minusNanos(System.nanoTime() - leftAt));
            }
            LOG.info("leave -> two-tile grid on both pages in {} ms", (System.nanoTime() - leftAt) / 1_000_000);

            // It rejoins: three tiles again, the returning member last in join order.
            leaver.join(ROOM, null, null);
            List<String> rejoined = new ArrayList<>(twoIds);
            rejoined.add(leaver.participantId());
            List<ConferencePage> order = new ArrayList<>(stayers);
            order.add(leaver);
            for (ConferencePage page : pages) {
                assertGrid(page, rejoined, order, Duration.ofSeconds(15));
            }
            assertTrue(leaver.chatLines().stream().anyMatch(l -> l.endsWith(": " + line)),
                    "the room's chat history comes with joined: " + leaver.chatLines());

            // A fourth page asks for 200 kb/s: the 320x180 tier for it, the others keep 640x360.
            try (ConferencePage low = new ConferencePage("low", lowBandwidthMedia, work, pageUrl)) {
                low.join(ROOM, 200_000, null);
                String complaint = ConferencePage.await(Duration.ofSeconds(20), () -> {
                    int[] size = low.remoteSize();
                    return size[0] > 0 && size[0] <= 320 && size[1] <= 180 ? null
                            : "low-bandwidth page receives " + size[0] + "x" + size[1];
                });
                assertNull(complaint, complaint);
                for (ConferencePage page : pages) {
                    int[] size = page.remoteSize();
                    assertEquals(CANVAS_WIDTH, size[0], page.name + " keeps its tier: " + size[0] + "x" + size[1]);
                    assertEquals(CANVAS_HEIGHT, size[1], page.name + " keeps its tier");
                }
            }
        } catch (AssertionError | RuntimeException e) {
            for (ConferencePage page : pages) {
                LOG.error("page {} log:\n{}", page.name, page.log());
            }
            throw e;
        } finally {
            pages.forEach(ConferencePage::close);
        }
    }

    /** Each member's colour in the grid position the layout gives it, in join order. */
    private static void assertGrid(ConferencePage page, List<String> ids, List<ConferencePage> members,
            Duration timeout) throws InterruptedException {
        List<int[]> colours = members.stream().map(m -> COLOURS[List.of(NAMES).indexOf(m.name)]).toList();
        page.assertGrid(ids, colours, CANVAS_WIDTH, CANVAS_HEIGHT, timeout);
    }

    /**
     * The others' tones clearly audible (a tone sent at -18 dBFS arrives around -30 in the
     * analyser), and its own at least 20 dB below the quietest of them (what remains there is
     * the codec's noise around the other tones).
     */
    private static void assertHearsOthersNotItself(ConferencePage page, int own) throws InterruptedException {
        String complaint = ConferencePage.await(Duration.ofSeconds(15), () -> {
            ConferencePage.ToneLevels t = page.toneLevels(TONES);
            double quietestOther = Double.MAX_VALUE;
            for (int i = 0; i < TONES.length; i++) {
                if (i != own) {
                    if (t.levels()[i] < AUDIBLE_DBFS) {
                        return "does not hear the " + TONES[i] + " Hz tone: " + t;
                    }
                    quietestOther = Math.min(quietestOther, t.levels()[i]);
                }
            }
            if (t.levels()[own] > quietestOther - 20) {
                return "hears its own " + TONES[own] + " Hz tone: " + t;
            }
            return null;
        });
        assertNull(complaint, page.name + ": " + complaint);
        LOG.info("{} hears {}", page.name, page.toneLevels(TONES));
    }

    /** utime + stime of this process (the server runs in it) from /proc, in nanoseconds. */
    private static long processCpuNanos() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 10_000_000L;
    }
}
