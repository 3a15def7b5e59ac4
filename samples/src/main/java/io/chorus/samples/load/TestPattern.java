package io.chorus.samples.load;

import io.chorus.mixer.video.I420Picture;
import io.chorus.mixer.video.YuvColour;

/**
 * One synthetic participant's camera: a flat colour of its own, a square sweeping left to right
 * below the counter row (so the encoder sees motion, as with a real camera), and the frame counter.
 */
final class TestPattern {
    private static final YuvColour[] BACKGROUNDS = {
        YuvColour.fromRgb(200, 60, 60), YuvColour.fromRgb(60, 160, 70), YuvColour.fromRgb(60, 90, 200),
        YuvColour.fromRgb(200, 170, 50), YuvColour.fromRgb(150, 60, 180), YuvColour.fromRgb(50, 170, 170),
        YuvColour.fromRgb(220, 120, 40), YuvColour.fromRgb(120, 120, 120),
    };
    private static final YuvColour SQUARE = YuvColour.fromRgb(250, 250, 250);

    private final YuvColour background;
    private final int periodFrames;

    /**
     * @param colourIndex  picks the background (wraps around the palette)
     * @param periodFrames frames for the square to cross the picture once, so the pattern loops
     */
    TestPattern(int colourIndex, int periodFrames) {
        if (colourIndex < 0 || periodFrames < 1) {
            throw new IllegalArgumentException("colour index must be >= 0 and period >= 1: " + colourIndex + ", "
                    + periodFrames);
        }
        this.background = BACKGROUNDS[colourIndex % BACKGROUNDS.length];
        this.periodFrames = periodFrames;
    }

    static int palette() {
        return BACKGROUNDS.length;
    }

    /** Paints frame {@code index} (also its counter) into {@code picture}. */
    void paint(I420Picture picture, int index) {
        picture.fill(background);
        int side = Math.max(2, picture.height() / 4) & ~1;
        int travel = picture.width() - side;
        int x = (int) ((long) travel * (index % periodFrames) / periodFrames) & ~1;
        int y = (picture.height() - side) / 2 & ~1;
        fillRect(picture, x, y, side, side, SQUARE);
        FrameCounter.draw(picture, index);
    }

    private static void fillRect(I420Picture picture, int x, int y, int w, int h, YuvColour colour) {
        for (int row = y; row < y + h; row++) {
            java.util.Arrays.fill(picture.y(), row * picture.width() + x, row * picture.width() + x + w, colour.y());
        }
        for (int row = y / 2; row < (y + h) / 2; row++) {
            int base = row * picture.chromaWidth();
            java.util.Arrays.fill(picture.u(), base + x / 2, base + (x + w) / 2, colour.u());
            java.util.Arrays.fill(picture.v(), base + x / 2, base + (x + w) / 2, colour.v());
        }
    }
}
