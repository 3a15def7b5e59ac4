package io.chorus.mixer.video;

/** Which pixels of a rendered text are ink; rendered once, then stamped onto pictures every frame. */
final class TextMask {

    static final TextMask EMPTY = new TextMask(0, 0);

    private final int width;
    private final int height;
    private final boolean[] ink;

    TextMask(int width, int height) {
        this.width = width;
        this.height = height;
        this.ink = new boolean[width * height];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    boolean isEmpty() {
        return width == 0;
    }

    boolean inkAt(int x, int y) {
        return ink[y * width + x];
    }

    void setBlock(int x, int y, int size) {
        for (int row = y; row < y + size; row++) {
            for (int column = x; column < x + size; column++) {
                ink[row * width + column] = true;
            }
        }
    }

    /** Sets the luma of the ink pixels, with the mask's top-left corner at (x, y) of the picture. */
    void stamp(I420Picture picture, int x, int y, byte luma) {
        byte[] plane = picture.y();
        for (int row = 0; row < height; row++) {
            int maskRow = row * width;
            int pictureRow = (y + row) * picture.width() + x;
            for (int column = 0; column < width; column++) {
                if (ink[maskRow + column]) {
                    plane[pictureRow + column] = luma;
                }
            }
        }
    }
}
