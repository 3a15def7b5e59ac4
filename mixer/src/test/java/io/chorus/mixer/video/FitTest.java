package io.chorus.mixer.video;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FitTest {

    private static final Tile WIDE = new Tile("p", 100, 50, 640, 360, 0);

    @Test
    void fourByThreeInSixteenByNineGetsBarsLeftAndRight() {
        Placement p = Fit.place(640, 480, WIDE, FitPolicy.LETTERBOX);
        assertEquals(new Placement(0, 0, 640, 480, 180, 50, 480, 360), p);
        assertEquals(p.dstX() - WIDE.x(), WIDE.right() - (p.dstX() + p.dstWidth()), "bars of equal width");
    }

    @Test
    void cropFillsTheTileFromTheCentreOfTheSource() {
        Placement p = Fit.place(640, 480, WIDE, FitPolicy.CROP);
        assertEquals(new Placement(0, 60, 640, 360, 100, 50, 640, 360), p);
        assertEquals(FitPolicy.LETTERBOX, FitPolicy.DEFAULT);
    }

    @Test
    void sameShapeFillsTheTileEitherWay() {
        Placement expected = new Placement(0, 0, 1280, 720, 100, 50, 640, 360);
        assertEquals(expected, Fit.place(1280, 720, WIDE, FitPolicy.LETTERBOX));
        assertEquals(expected, Fit.place(1280, 720, WIDE, FitPolicy.CROP));
    }

    @Test
    void tallSourceInAWideTileIsPillarboxedOrCutVertically() {
        assertEquals(new Placement(0, 0, 360, 640, 318, 50, 202, 360), Fit.place(360, 640, WIDE, FitPolicy.LETTERBOX));
        Placement crop = Fit.place(360, 640, WIDE, FitPolicy.CROP);
        assertEquals(360, crop.cropWidth());
        assertEquals(202, crop.cropHeight());
        assertEquals(218, crop.cropY());
    }

    /** Source and tile shapes from phones, webcams and layout cells; the shape survives within rounding. */
    @ParameterizedTest
    @CsvSource({
            "640,480, 640,360", "640,360, 426,240", "640,360, 256,144", "1280,720, 640,720", "480,640, 1280,576",
            "641,361, 428,240", "320,240, 160,144", "1920,1080, 1280,576", "176,144, 426,240", "3,1000, 100,100",
    })
    void neverStretches(int sourceWidth, int sourceHeight, int tileWidth, int tileHeight) {
        Tile tile = new Tile("p", 2, 4, tileWidth, tileHeight, 0);
        double sourceShape = (double) sourceWidth / sourceHeight;

        Placement box = Fit.place(sourceWidth, sourceHeight, tile, FitPolicy.LETTERBOX);
        assertEquals(new Placement(0, 0, sourceWidth, sourceHeight, box.dstX(), box.dstY(), box.dstWidth(),
                box.dstHeight()), box, "letterbox scales the whole source");
        assertTrue(tile.contains(box.dstX(), box.dstY(), box.dstWidth(), box.dstHeight()), box.toString());
        assertTrue(box.dstWidth() == tileWidth || box.dstHeight() == tileHeight, "touches two sides: " + box);
        // One side is exact; the other is within 1 px of rounding plus 1 px of even snapping.
        double expectedWidth = box.dstHeight() * sourceShape;
        double expectedHeight = box.dstWidth() / sourceShape;
        assertTrue(Math.abs(box.dstWidth() - expectedWidth) <= 2 || Math.abs(box.dstHeight() - expectedHeight) <= 2
                || box.dstWidth() == 2 || box.dstHeight() == 2, "stretched: " + box);
        int leftBar = box.dstX() - tile.x();
        int rightBar = tile.right() - box.dstX() - box.dstWidth();
        assertTrue(Math.abs(leftBar - rightBar) <= 2, "not centred: " + box);

        Placement crop = Fit.place(sourceWidth, sourceHeight, tile, FitPolicy.CROP);
        assertEquals(tile.x(), crop.dstX());
        assertEquals(tile.y(), crop.dstY());
        assertEquals(tileWidth, crop.dstWidth());
        assertEquals(tileHeight, crop.dstHeight());
        assertTrue(crop.cropX() + crop.cropWidth() <= sourceWidth && crop.cropY() + crop.cropHeight() <= sourceHeight,
                crop.toString());
        assertEquals(0, crop.cropX() % 2);
        assertEquals(0, crop.cropY() % 2);
        double tileShape = (double) tileWidth / tileHeight;
        assertTrue(Math.abs(crop.cropWidth() - crop.cropHeight() * tileShape) <= 2
                || Math.abs(crop.cropHeight() - crop.cropWidth() / tileShape) <= 2, "crop shape: " + crop);
    }

    @Test
    void rejectsNonsense() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Fit.place(0, 480, WIDE, FitPolicy.CROP))
                .getMessage().contains("0x480"));
        assertThrows(IllegalArgumentException.class, () -> Fit.place(640, 480, null, FitPolicy.CROP));
        assertThrows(IllegalArgumentException.class, () -> Fit.place(640, 480, WIDE, null));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Placement(0, 0, 1, 1, 1, 0, 2, 2))
                .getMessage().contains("even"));
    }
}
