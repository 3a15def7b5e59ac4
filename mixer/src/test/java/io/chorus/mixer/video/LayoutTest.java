package io.chorus.mixer.video;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayoutTest {

    private static final int W = 1280;
    private static final int H = 720;

    static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "p" + i).collect(Collectors.toList());
    }

    /** Every tile even (the Tile record guarantees it), on the canvas, and no two overlapping. */
    private static void assertDisjointOnCanvas(List<Tile> tiles) {
        for (Tile t : tiles) {
            assertTrue(t.right() <= W && t.bottom() <= H, "off canvas: " + t);
        }
        for (int i = 0; i < tiles.size(); i++) {
            for (int j = i + 1; j < tiles.size(); j++) {
                Tile a = tiles.get(i);
                Tile b = tiles.get(j);
                boolean apart = a.right() <= b.x() || b.right() <= a.x() || a.bottom() <= b.y() || b.bottom() <= a.y();
                assertTrue(apart, "overlap: " + a + " and " + b);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"0,0,0", "1,1,1", "2,2,1", "3,2,2", "4,2,2", "5,3,2", "6,3,2", "7,3,3", "8,3,3", "9,3,3", "10,4,3",
            "16,4,4", "17,5,4"})
    void gridColumnsAndRows(int count, int columns, int rows) {
        assertEquals(columns, GridLayout.columns(count));
        assertEquals(rows, GridLayout.rows(count));
        List<Tile> tiles = Layout.grid().arrange(ids(count), null, W, H);
        assertEquals(count, tiles.size());
        assertEquals(columns, tiles.stream().filter(t -> t.y() == 0).count(), "tiles in the first row");
        assertEquals(rows, tiles.stream().map(Tile::y).collect(Collectors.toSet()).size(), "distinct rows");
        assertEquals(ids(count), tiles.stream().map(Tile::participantId).collect(Collectors.toList()));
        assertDisjointOnCanvas(tiles);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void gridCellsAreEqualAndTheLastRowIsCentred(int count) {
        List<Tile> tiles = Layout.grid().arrange(ids(count), null, W, H);
        int columns = GridLayout.columns(count);
        int rows = GridLayout.rows(count);
        for (Tile t : tiles) {
            // Equal cells, give or take the even snapping of each edge.
            assertTrue(Math.abs(t.width() - (double) W / columns) <= 2, t.toString());
            assertTrue(Math.abs(t.height() - (double) H / rows) <= 2, t.toString());
        }
        int lastRowY = tiles.get(tiles.size() - 1).y();
        List<Tile> lastRow = tiles.stream().filter(t -> t.y() == lastRowY).collect(Collectors.toList());
        assertEquals(count - (rows - 1) * columns, lastRow.size());
        int leftMargin = lastRow.get(0).x();
        int rightMargin = W - lastRow.get(lastRow.size() - 1).right();
        assertTrue(Math.abs(leftMargin - rightMargin) <= 2, "last row margins " + leftMargin + " / " + rightMargin);
        assertEquals(lastRow.size() == columns, leftMargin == 0);
        assertEquals(H, tiles.stream().mapToInt(Tile::bottom).max().orElseThrow());
    }

    @Test
    void gridOfThreeHasTwoOnTopAndOneCentredBelow() {
        assertEquals(List.of(new Tile("p0", 0, 0, 640, 360, 0), new Tile("p1", 640, 0, 640, 360, 0),
                new Tile("p2", 320, 360, 640, 360, 0)), Layout.grid().arrange(ids(3), null, W, H));
    }

    @Test
    void speakerAloneFillsTheCanvas() {
        assertEquals(List.of(new Tile("p0", 0, 0, W, H, 0)), Layout.speaker().arrange(ids(1), "p0", W, H));
        assertEquals(List.of(), Layout.speaker().arrange(ids(0), null, W, H));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8, 9})
    void speakerIsLargeAndTheOthersShareACentredStrip(int count) {
        String speaker = "p" + (count / 2);
        List<Tile> tiles = Layout.speaker().arrange(ids(count), speaker, W, H);
        assertEquals(count, tiles.size());
        assertEquals(new Tile(speaker, 0, 0, W, 576, 0), tiles.get(0));
        List<Tile> strip = tiles.subList(1, count);
        List<String> others = new ArrayList<>(ids(count));
        others.remove(speaker);
        assertEquals(others, strip.stream().map(Tile::participantId).collect(Collectors.toList()));
        int cells = Math.max(count - 1, SpeakerLayout.MIN_STRIP_CELLS);
        for (Tile t : strip) {
            assertEquals(576, t.y());
            assertEquals(144, t.height());
            assertTrue(Math.abs(t.width() - (double) W / cells) <= 2, t.toString());
        }
        int leftMargin = strip.get(0).x();
        int rightMargin = W - strip.get(strip.size() - 1).right();
        assertTrue(Math.abs(leftMargin - rightMargin) <= 2, leftMargin + " / " + rightMargin);
        assertDisjointOnCanvas(tiles);
    }

    @Test
    void unknownOrMissingSpeakerFeaturesTheFirstParticipant() {
        assertEquals("p0", Layout.speaker().arrange(ids(4), null, W, H).get(0).participantId());
        assertEquals("p0", Layout.speaker().arrange(ids(4), "gone", W, H).get(0).participantId());
        assertEquals("p3", Layout.speaker().arrange(ids(4), "p3", W, H).get(0).participantId());
    }

    @Test
    void customLayoutDrawsAscendingZAndDropsExtraParticipants() {
        Layout layout = Layout.custom(List.of(
                Region.parse("0", "0", "1", "1", 0),
                Region.parse("3/4", "3/4", "1/4", "1/4", 5),
                Region.parse("0", "3/4", "1/4", "1/4", 1)));
        List<Tile> tiles = layout.arrange(ids(5), null, W, H);
        assertEquals(List.of(new Tile("p0", 0, 0, W, H, 0), new Tile("p2", 0, 540, 320, 180, 1),
                new Tile("p1", 960, 540, 320, 180, 5)), tiles);
        assertEquals(List.of(new Tile("p0", 0, 0, W, H, 0)), layout.arrange(ids(1), null, W, H));
    }

    @Test
    void layoutsAreValues() {
        assertEquals(Layout.grid(), new GridLayout());
        List<Region> regions = new ArrayList<>(List.of(Region.parse("0", "0", "1/2", "1/2", 0)));
        Layout custom = Layout.custom(regions);
        regions.add(Region.parse("1/2", "1/2", "1/2", "1/2", 0));
        assertEquals(1, ((CustomLayout) custom).regions().size(), "later changes to the caller's list leak in");
        assertEquals(custom, Layout.custom(List.of(Region.parse("0", "0", "0.5", "0.5", 0))));
    }

    @Test
    void rejectsBadParticipantListsAndCanvases() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Layout.grid().arrange(List.of("a", "b", "a"), null, W, H)).getMessage().contains("twice: a"));
        assertThrows(IllegalArgumentException.class, () -> Layout.grid().arrange(Arrays.asList("a", null), null, W, H));
        assertThrows(IllegalArgumentException.class, () -> Layout.speaker().arrange(null, null, W, H));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Layout.grid().arrange(ids(2), null, 1279, 720)).getMessage().contains("1279x720"));
        assertThrows(IllegalArgumentException.class, () -> Layout.grid().arrange(ids(0), null, 0, 720));
    }

    @Test
    void layoutNamesParse() {
        assertSame(LayoutName.GRID, LayoutName.parse("grid"));
        assertSame(LayoutName.SPEAKER, LayoutName.parse(" Speaker "));
        assertEquals(Layout.speaker(), LayoutName.SPEAKER.layout());
        assertEquals("speaker", LayoutName.SPEAKER.wireName());
        assertEquals("unknown layout \"tiles\"; expected one of grid, speaker",
                assertThrows(IllegalArgumentException.class, () -> LayoutName.parse("tiles")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> LayoutName.parse(null));
    }
}
