package io.chorus.mixer.video;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompositorTest {

    private static final int W = 1280;
    private static final int H = 720;
    private static final int SOURCE_WIDTH = 640;
    private static final int SOURCE_HEIGHT = 360;
    private static final YuvColour BACKGROUND = Compositor.DEFAULT_BACKGROUND;

    private static final YuvColour[] PALETTE = {
            YuvColour.fromRgb(220, 40, 40), YuvColour.fromRgb(40, 200, 60), YuvColour.fromRgb(40, 80, 230),
            YuvColour.fromRgb(240, 220, 40), YuvColour.fromRgb(200, 60, 220), YuvColour.fromRgb(40, 210, 220),
            YuvColour.fromRgb(250, 140, 30), YuvColour.fromRgb(150, 250, 150), YuvColour.fromRgb(120, 60, 20),
            YuvColour.fromRgb(250, 250, 250),
    };

    private final Compositor compositor = new Compositor(W, H, BACKGROUND);

    private static YuvColour colourOf(String id) {
        return PALETTE[Integer.parseInt(id.substring(1))];
    }

    private static I420Picture solid(int width, int height, YuvColour colour) {
        I420Picture picture = new I420Picture(width, height);
        picture.fill(colour);
        return picture;
    }

    /** What the room would hand over: each participant's 640x360 video scaled by the fit to one colour. */
    private static List<TileContent> contents(List<Tile> tiles, FitPolicy policy) {
        List<TileContent> contents = new ArrayList<>();
        for (Tile tile : tiles) {
            Placement placement = Fit.place(SOURCE_WIDTH, SOURCE_HEIGHT, tile, policy);
            I420Picture picture = solid(placement.dstWidth(), placement.dstHeight(), colourOf(tile.participantId()));
            contents.add(new TileContent(tile, placement, picture, "Person " + tile.participantId()));
        }
        return contents;
    }

    /** Height of the strip at the bottom of a tile its label box may cover. */
    private static int labelBand(Tile tile) {
        int scale = Compositor.labelScale(tile.height());
        return (BitmapFont.GLYPH_HEIGHT * scale + 2 * Compositor.labelPadding(scale) + 1) & ~1;
    }

    private static boolean inside(int x, int y, int left, int top, int width, int height) {
        return x >= left && y >= top && x < left + width && y < top + height;
    }

    static Stream<Arguments> layoutsAndCounts() {
        return Stream.of(LayoutName.values())
                .flatMap(name -> IntStream.rangeClosed(1, 9).mapToObj(n -> Arguments.of(name, n)));
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("layoutsAndCounts")
    void everyParticipantShowsInItsTileWithBlackBarsAndBackgroundAround(LayoutName name, int count) {
        String speaker = "p" + (count - 1);
        List<Tile> tiles = name.layout().arrange(LayoutTest.ids(count), speaker, W, H);
        List<TileContent> contents = contents(tiles, FitPolicy.LETTERBOX);
        I420Picture canvas = compositor.compose(contents);

        int barsSeen = 0;
        for (TileContent content : contents) {
            Tile tile = content.tile();
            Placement p = content.placement();
            int centreX = p.dstX() + p.dstWidth() / 2;
            int centreY = p.dstY() + p.dstHeight() / 2;
            assertEquals(colourOf(tile.participantId()), canvas.colourAt(centreX, centreY), tile.toString());
            if (p.dstY() > tile.y()) {
                assertEquals(Compositor.TILE_BACKDROP, canvas.colourAt(centreX, tile.y() + (p.dstY() - tile.y()) / 2),
                        "top bar of " + tile);
                barsSeen++;
            }
            if (p.dstX() > tile.x()) {
                assertEquals(Compositor.TILE_BACKDROP, canvas.colourAt(tile.x() + (p.dstX() - tile.x()) / 2, centreY),
                        "left bar of " + tile);
                barsSeen++;
            }
            if (p.dstX() + p.dstWidth() < tile.right()) {
                assertEquals(Compositor.TILE_BACKDROP, canvas.colourAt(tile.right() - 1, centreY), "right bar of " + tile);
                barsSeen++;
            }
            if (p.dstY() + p.dstHeight() < tile.bottom()) {
                // The bottom-right corner: clear of the short label at the bottom-left.
                assertEquals(Compositor.TILE_BACKDROP, canvas.colourAt(tile.right() - 1, tile.bottom() - 1),
                        "bottom bar of " + tile);
                barsSeen++;
            }
        }
        // Sweep the canvas: outside tiles is background; inside, outside the picture and label, is bar.
        for (int y = 0; y < H; y += 3) {
            for (int x = 0; x < W; x += 3) {
                YuvColour expected = BACKGROUND;
                for (TileContent content : contents) {
                    Tile t = content.tile();
                    Placement p = content.placement();
                    if (inside(x, y, p.dstX(), p.dstY(), p.dstWidth(), p.dstHeight())) {
                        expected = colourOf(t.participantId());
                    } else if (inside(x, y, t.x(), t.y(), t.width(), t.height())) {
                        expected = Compositor.TILE_BACKDROP;
                    }
                    if (inside(x, y, t.x(), t.bottom() - labelBand(t), t.width(), labelBand(t))) {
                        expected = null; // the label may be here
                    }
                }
                if (expected != null) {
                    assertEquals(expected, canvas.colourAt(x, y), "at (" + x + "," + y + ")");
                }
            }
        }
        boolean letterboxed = contents.stream().anyMatch(c -> c.placement().dstWidth() < c.tile().width()
                || c.placement().dstHeight() < c.tile().height());
        assertEquals(letterboxed, barsSeen > 0);
    }

    @Test
    void theHigherZWinsWhereCustomRegionsOverlap() {
        Layout layout = Layout.custom(List.of(
                Region.parse("0", "0", "1/2", "1/2", 2),          // p0: [0,640) x [0,360)
                Region.parse("1/4", "1/4", "1/2", "1/2", 1),      // p1: [320,960) x [180,540)
                Region.parse("3/8", "3/8", "1/2", "1/2", 3)));    // p2: [480,1120) x [270,630)
        List<Tile> tiles = layout.arrange(LayoutTest.ids(4), null, W, H);
        assertEquals(3, tiles.size(), "p3 has no region");
        I420Picture canvas = compositor.compose(contents(tiles, FitPolicy.CROP));

        assertEquals(colourOf("p0"), canvas.colourAt(400, 200), "p0 over p1");
        assertEquals(colourOf("p2"), canvas.colourAt(560, 320), "p2 over p0 and p1");
        assertEquals(colourOf("p2"), canvas.colourAt(900, 500), "p2 over p1");
        assertEquals(colourOf("p1"), canvas.colourAt(340, 500), "p1 alone");
        assertEquals(colourOf("p0"), canvas.colourAt(100, 100), "p0 alone");
        assertEquals(BACKGROUND, canvas.colourAt(1200, 100));
        assertEquals(BACKGROUND, canvas.colourAt(1200, 700));
    }

    @Test
    void cropFillsTheWholeTile() {
        Tile tile = new Tile("p0", 100, 100, 640, 360, 0);
        Placement placement = Fit.place(640, 480, tile, FitPolicy.CROP);
        I420Picture canvas = compositor.compose(List.of(new TileContent(tile, placement,
                solid(placement.dstWidth(), placement.dstHeight(), colourOf("p0")), null)));
        for (int[] corner : new int[][]{{100, 100}, {739, 100}, {100, 459}, {739, 459}}) {
            assertEquals(colourOf("p0"), canvas.colourAt(corner[0], corner[1]));
        }
        assertEquals(BACKGROUND, canvas.colourAt(99, 100));
        assertEquals(BACKGROUND, canvas.colourAt(740, 459));
    }

    @Test
    void theLabelSitsAtTheBottomLeftAndStaysInsideTheTile() {
        Tile tile = new Tile("p2", 300, 200, 426, 240, 0);
        Placement placement = Fit.place(SOURCE_WIDTH, SOURCE_HEIGHT, tile, FitPolicy.CROP);
        YuvColour colour = colourOf("p2");
        String longName = "Maximiliana Wolfeschlegelsteinhausenbergerdorff";
        I420Picture canvas = compositor.compose(List.of(new TileContent(tile, placement,
                solid(placement.dstWidth(), placement.dstHeight(), colour), longName)));

        int changed = 0;
        int ink = 0;
        int band = labelBand(tile);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                YuvColour actual = canvas.colourAt(x, y);
                if (!inside(x, y, tile.x(), tile.y(), tile.width(), tile.height())) {
                    assertEquals(BACKGROUND, actual, "outside the tile at (" + x + "," + y + ")");
                } else if (!actual.equals(colour)) {
                    assertTrue(y >= tile.bottom() - band, "label above the bottom band at (" + x + "," + y + ")");
                    changed++;
                    if (actual.luma() == Compositor.TEXT_LUMA) {
                        ink++;
                    }
                }
            }
        }
        assertTrue(ink > 50, "white text pixels: " + ink);
        assertTrue(changed > ink, "a shaded box around the text: " + changed + " changed, " + ink + " ink");
        assertNotEquals(colour, canvas.colourAt(tile.x(), tile.bottom() - 1), "box starts at the bottom-left corner");
        assertEquals(colour, canvas.colourAt(tile.right() - 1, tile.y()), "top-right is picture");
    }

    @Test
    void aParticipantWithoutVideoGetsAPlaceholderWithItsName() {
        List<Tile> tiles = Layout.speaker().arrange(LayoutTest.ids(3), "p1", W, H);
        List<TileContent> contents = new ArrayList<>(contents(tiles, FitPolicy.LETTERBOX));
        Tile main = contents.get(0).tile();
        contents.set(0, TileContent.placeholder(main, "Bob"));
        I420Picture canvas = compositor.compose(contents);

        assertEquals(Compositor.PLACEHOLDER, canvas.colourAt(main.x() + 1, main.y() + 1));
        assertEquals(Compositor.PLACEHOLDER, canvas.colourAt(main.x() + 1, main.bottom() - 1), "no bottom label");
        assertEquals(Compositor.PLACEHOLDER, canvas.colourAt(main.right() - 1, main.bottom() - 1));
        int centreY = main.y() + main.height() / 2;
        int inkOnCentreRow = 0;
        for (int x = main.x(); x < main.right(); x++) {
            if (canvas.colourAt(x, centreY).luma() == Compositor.TEXT_LUMA) {
                inkOnCentreRow++;
            }
        }
        assertTrue(inkOnCentreRow > 0, "name drawn across the middle");
        TextMask name = BitmapFont.render("Bob", Compositor.placeholderScale(main.height()), main.width());
        int left = main.x() + (main.width() - name.width()) / 2;
        assertEquals(Compositor.PLACEHOLDER, canvas.colourAt(left - 1, centreY), "name centred, nothing left of it");
        for (TileContent other : contents.subList(1, 3)) {
            Placement p = other.placement();
            assertEquals(colourOf(other.tile().participantId()),
                    canvas.colourAt(p.dstX() + p.dstWidth() / 2, p.dstY() + p.dstHeight() / 2));
        }
    }

    @Test
    void withNoTilesTheCanvasIsAllBackgroundEvenAfterAFullFrame() {
        compositor.compose(contents(Layout.grid().arrange(LayoutTest.ids(4), null, W, H), FitPolicy.CROP));
        I420Picture canvas = compositor.compose(List.of());
        I420Picture expected = solid(W, H, BACKGROUND);
        assertArrayEquals(expected.y(), canvas.y());
        assertArrayEquals(expected.u(), canvas.u());
        assertArrayEquals(expected.v(), canvas.v());
        assertTrue(canvas == compositor.canvas(), "the canvas is reused");
    }

    @Test
    void rejectsPicturesThatDoNotMatchTheirPlacement() {
        Tile tile = new Tile("p0", 0, 0, 640, 360, 0);
        Placement placement = Fit.place(640, 480, tile, FitPolicy.LETTERBOX); // 480x360
        String message = assertThrows(IllegalArgumentException.class, () -> compositor.compose(List.of(
                new TileContent(tile, placement, solid(640, 360, colourOf("p0")), "x")))).getMessage();
        assertEquals("picture of p0 is 640x360 but its destination is 480x360", message);

        Placement outside = new Placement(0, 0, 640, 480, 200, 0, 480, 360);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> compositor.compose(List.of(
                new TileContent(tile, outside, solid(480, 360, colourOf("p0")), "x")))).getMessage()
                .contains("leaves tile"));
        Tile offCanvas = new Tile("p0", 1000, 0, 640, 360, 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> compositor.compose(List.of(
                TileContent.placeholder(offCanvas, "x")))).getMessage().contains("leaves the 1280x720 canvas"));
        assertThrows(IllegalArgumentException.class, () -> new TileContent(tile, null, solid(2, 2, BACKGROUND), "x"));
        assertThrows(IllegalArgumentException.class, () -> new Compositor(1279, 720, BACKGROUND));
    }

    /** Printed, not asserted: the cost of one 9-tile 720p frame once the JIT and label cache are warm. */
    @Test
    void measureNineTileCompose() {
        List<TileContent> contents = contents(Layout.grid().arrange(LayoutTest.ids(9), null, W, H), FitPolicy.LETTERBOX);
        for (int i = 0; i < 500; i++) {
            compositor.compose(contents);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        int frames = 1000;
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        for (int i = 0; i < frames; i++) {
            compositor.compose(contents);
        }
        long elapsed = System.nanoTime() - start;
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        System.out.printf("compose 9 tiles on %dx%d: %.1f us/frame, %d bytes allocated/frame%n",
                W, H, elapsed / 1000.0 / frames, allocated / frames);
        assertEquals(colourOf("p4"), compositor.canvas().colourAt(W / 2, H / 2), "still composing the right frame");
    }
}
