package io.chorus.samples.load;

import static org.junit.jupiter.api.Assertions.assertNull;

import io.chorus.samples.web.ConferencePage;
import io.chorus.signalling.config.ConfigLoader;
import io.chorus.signalling.e2e.HeadlessChromium;
import io.chorus.signalling.e2e.TestMedia;
import io.chorus.signalling.server.ChorusServer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tile-aware publishing as a browser meets it: a real Chromium (camera 320x180) in a 9-person room
 * whose 8 other members are synthetic. In the 3x3 grid of a 640x360 canvas its tile is about
 * 213x120, so the server asks it for that and the browser's own encoder falls to that width; when
 * the room switches to the speaker layout, the Chromium (the only one talking) gets the main tile
 * (640x288) and its encoder grows again, up to the camera's full 320x180.
 */
class TileAwarePublishingBrowserTest {
    private static final Logger LOG = LoggerFactory.getLogger(TileAwarePublishingBrowserTest.class);
    private static final int GRID_TILE_WIDTH = 214;

    @TempDir
    Path work;

    @Test
    void theBrowsersCameraShrinksToItsGridTileAndGrowsBackAsTheMainSpeaker() throws Exception {
        HeadlessChromium.requireLoopbackOnlyNetwork();
        int mediaPort;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            mediaPort = probe.getLocalPort();
        }
        try (ChorusServer server = ChorusServer.start(ConfigLoader.load(new String[] {"--http.port=0",
                "--media.port=" + mediaPort, "--video.width=640", "--video.height=360", "--video.fps=15",
                "--video.tiers=medium:640x360@500000,low:320x180@150000"}, Map.of()))) {
            URI base = URI.create("http://127.0.0.1:" + server.httpAddress().getPort());
            // Eight synthetic members in room "tiles-0", all listeners (DTX), following the constraints.
            LoadSettings settings = new LoadSettings(base, 1, 8, 45, 1, 320, 180, 15, 150_000, false, 0, "tiles", 0,
                    false, true);
            CompletableFuture<LoadResult> others = CompletableFuture.supplyAsync(() -> {
                try {
                    return new LoadRun(settings).run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            TestMedia camera = TestMedia.create(work, "cam", new int[] {200, 60, 60}, 320, 180, 15, 700);
            try (ConferencePage page = new ConferencePage("browser", camera, work, base + "/")) {
                page.join(settings.room(0), null, null);
                String shrunk = ConferencePage.await(Duration.ofSeconds(40), () -> {
                    int[] sent = page.sentVideoSize();
                    return sent[0] > 0 && sent[0] <= GRID_TILE_WIDTH ? null
                            : "the browser still encodes " + Arrays.toString(sent) + ", grid tile is " + GRID_TILE_WIDTH;
                });
                assertNull(shrunk, shrunk + "\n" + page.log());
                LOG.info("in the 3x3 grid the browser encodes {}", Arrays.toString(page.sentVideoSize()));

                setLayout(base, settings.room(0), "speaker");
                String grown = ConferencePage.await(Duration.ofSeconds(30), () -> {
                    int[] sent = page.sentVideoSize();
                    // More than the grid tile; Chromium's own CPU adaptation may keep it under the full 320.
                    return sent[0] > GRID_TILE_WIDTH ? null
                            : "as the main speaker the browser still encodes " + Arrays.toString(sent);
                });
                assertNull(grown, grown + "\n" + page.log());
                LOG.info("as the main speaker the browser encodes {}", Arrays.toString(page.sentVideoSize()));
            } finally {
                // The synthetic members leave by themselves when their run ends.
                others.join();
            }
        }
    }

    private static void setLayout(URI base, String room, String layout) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                base.resolve("/api/rooms/" + room + "/layout"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"layout\":\"" + layout + "\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("layout change refused: " + response.statusCode() + " " + response.body());
        }
    }
}
