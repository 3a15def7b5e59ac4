package io.chorus.mixer.video;

/**
 * Where one participant is drawn on the canvas, in pixels. Position and size are even so that every
 * tile covers whole 2x2 chroma blocks of the 4:2:0 canvas.
 */
public record Tile(String participantId, int x, int y, int width, int height, int z) {

    public Tile {
        if (participantId == null) {
            throw new IllegalArgumentException("tile participant id is null");
        }
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("tile needs a non-negative position and positive size: " + describe(x, y, width, height));
        }
        if (((x | y | width | height) & 1) != 0) {
            throw new IllegalArgumentException("tile position and size must be even (4:2:0 chroma): " + describe(x, y, width, height));
        }
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    /** Whether the rectangle lies inside this tile. */
    public boolean contains(int rx, int ry, int rWidth, int rHeight) {
        return rx >= x && ry >= y && rx + rWidth <= right() && ry + rHeight <= bottom();
    }

    static String describe(int x, int y, int width, int height) {
        return width + "x" + height + "+" + x + "+" + y;
    }
}
