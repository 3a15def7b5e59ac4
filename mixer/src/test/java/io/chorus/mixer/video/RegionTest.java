package io.chorus.mixer.video;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionTest {

    private static String rejection(Runnable construction) {
        return assertThrows(IllegalArgumentException.class, construction::run).getMessage();
    }

    @Test
    void rejectsRegionsOutsideTheCanvasOrEmpty() {
        assertEquals("region leaves the canvas horizontally: x + width = 1/2 + 2/3 > 1",
                rejection(() -> Region.parse("1/2", "0", "2/3", "1/2", 0)));
        assertEquals("region leaves the canvas vertically: y + height = 3/4 + 1/2 > 1",
                rejection(() -> Region.parse("0", "0.75", "1/2", "1/2", 0)));
        assertEquals("region must have a positive width and height: width=0/1 height=1/2",
                rejection(() -> Region.parse("0", "0", "0", "1/2", 0)));
        assertTrue(rejection(() -> Region.parse("0", "0", "1/2", "0.0", 0)).contains("positive width and height"));
        assertTrue(rejection(() -> new Region(null, Fraction.ZERO, Fraction.ONE, Fraction.ONE, 0)).contains("null"));
        assertTrue(rejection(() -> Region.parse("0", "0", "1/2", "5/4", 0)).contains("0..1"));
    }

    @Test
    void acceptsRegionsThatEndExactlyAtTheCanvasEdge() {
        Region region = Region.parse("1/3", "1/2", "2/3", "1/2", 7);
        assertEquals(new Tile("p", 426, 360, 854, 360, 7), region.toTile("p", 1280, 720));
    }

    @Test
    void customLayoutNeedsRegions() {
        assertEquals("custom layout needs at least one region",
                rejection(() -> new CustomLayout(List.of())));
        assertEquals("custom layout needs at least one region", rejection(() -> new CustomLayout(null)));
        List<Region> withNull = new ArrayList<>();
        withNull.add(Region.parse("0", "0", "1", "1", 0));
        withNull.add(null);
        assertEquals("custom layout region 1 is null", rejection(() -> new CustomLayout(withNull)));
    }

    @Test
    void adjacentThirdsShareTheirEdges() {
        Fraction third = Fraction.of(1, 3);
        List<Tile> tiles = new CustomLayout(List.of(
                new Region(Fraction.ZERO, Fraction.ZERO, third, Fraction.ONE, 0),
                new Region(third, Fraction.ZERO, third, Fraction.ONE, 0),
                new Region(Fraction.of(2, 3), Fraction.ZERO, third, Fraction.ONE, 0)))
                .arrange(List.of("a", "b", "c"), null, 1280, 720);
        assertEquals(0, tiles.get(0).x());
        assertEquals(tiles.get(0).right(), tiles.get(1).x());
        assertEquals(tiles.get(1).right(), tiles.get(2).x());
        assertEquals(1280, tiles.get(2).right());
    }

    @Test
    void aSliverStillGetsOneChromaBlockInsideTheCanvas() {
        Region sliver = new Region(Fraction.of(999_999, 1_000_000), Fraction.ZERO, Fraction.of(1, 1_000_000),
                Fraction.ONE, 0);
        assertEquals(new Tile("p", 1278, 0, 2, 720, 0), sliver.toTile("p", 1280, 720));
    }

    @Test
    void tilesMustBeEvenAndPositive() {
        assertTrue(rejection(() -> new Tile("p", 1, 0, 2, 2, 0)).contains("even"));
        assertTrue(rejection(() -> new Tile("p", 0, 0, 0, 2, 0)).contains("positive size"));
        assertTrue(rejection(() -> new Tile(null, 0, 0, 2, 2, 0)).contains("null"));
    }
}
