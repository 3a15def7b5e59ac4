package io.chorus.mixer.codec;

import io.chorus.mixer.video.I420Picture;
import io.chorus.mixer.video.YuvColour;
import java.util.Random;

/** Synthetic pictures for codec tests. */
final class TestPictures {
    static final YuvColour BLUE = YuvColour.fromRgb(30, 60, 200);
    static final YuvColour RED = YuvColour.fromRgb(220, 40, 40);
    static final YuvColour GREEN = YuvColour.fromRgb(40, 200, 60);

    private TestPictures() {
    }

    /** A background colour with a filled rectangle. */
    static I420Picture withRectangle(int width, int height, YuvColour background, YuvColour colour,
            int x, int y, int rectWidth, int rectHeight) {
        I420Picture picture = new I420Picture(width, height);
        picture.fill(background);
        paint(picture, colour, x, y, rectWidth, rectHeight);
        return picture;
    }

    /** Left half one colour, right half another. */
    static I420Picture halves(int width, int height, YuvColour left, YuvColour right) {
        return withRectangle(width, height, left, right, width / 2, 0, width - width / 2, height);
    }

    /** The moving pattern with fresh luma grain every frame, so an encoder can use any budget it is given. */
    static void grainyPattern(I420Picture picture, int frame, Random random) {
        movingPattern(picture, frame);
        byte[] y = picture.y();
        for (int i = 0; i < y.length; i++) {
            y[i] = (byte) ((y[i] & 0xFF) + random.nextInt(8));
        }
    }

    /** A gradient background with a bar that moves a few pixels per frame: content a camera could show. */
    static void movingPattern(I420Picture picture, int frame) {
        int width = picture.width();
        int height = picture.height();
        byte[] y = picture.y();
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                y[row * width + col] = (byte) (16 + ((col + row + frame * 3) & 0x7F) + ((row * col >> 7) & 0x3F));
            }
        }
        int barX = (frame * 7) % Math.max(1, width - width / 8);
        for (int row = height / 4; row < height * 3 / 4; row++) {
            for (int col = barX; col < barX + width / 8; col++) {
                y[row * width + col] = (byte) 235;
            }
        }
        int cw = picture.chromaWidth();
        for (int row = 0; row < picture.chromaHeight(); row++) {
            for (int col = 0; col < cw; col++) {
                picture.u()[row * cw + col] = (byte) (96 + ((col + frame) & 0x3F));
                picture.v()[row * cw + col] = (byte) (96 + ((row + frame) & 0x3F));
            }
        }
    }

    static void paint(I420Picture picture, YuvColour colour, int x, int y, int rectWidth, int rectHeight) {
        for (int row = y; row < y + rectHeight; row++) {
            for (int col = x; col < x + rectWidth; col++) {
                picture.y()[row * picture.width() + col] = colour.y();
            }
        }
        for (int row = y / 2; row < (y + rectHeight + 1) / 2; row++) {
            for (int col = x / 2; col < (x + rectWidth + 1) / 2; col++) {
                picture.u()[row * picture.chromaWidth() + col] = colour.u();
                picture.v()[row * picture.chromaWidth() + col] = colour.v();
            }
        }
    }
}
