package io.chorus.mixer.video;

import java.util.Arrays;

/**
 * Rectangle operations on I420 pictures. Rectangles have even position and size, so each covers whole
 * chroma samples and the three planes are handled alike at half resolution for U and V.
 */
final class Painter {

    private static final int BLACK_LUMA = 16;
    private static final int NEUTRAL_CHROMA = 128;

    private Painter() {
    }

    static void fill(I420Picture picture, int x, int y, int width, int height, YuvColour colour) {
        fillPlane(picture.y(), picture.width(), x, y, width, height, colour.y());
        int chromaStride = picture.chromaWidth();
        fillPlane(picture.u(), chromaStride, x / 2, y / 2, width / 2, height / 2, colour.u());
        fillPlane(picture.v(), chromaStride, x / 2, y / 2, width / 2, height / 2, colour.v());
    }

    /** Copies {@code source} whole into {@code target} with its top-left corner at (x, y). */
    static void paste(I420Picture source, I420Picture target, int x, int y) {
        copyPlane(source.y(), source.width(), source.height(), target.y(), target.width(), x, y);
        copyPlane(source.u(), source.chromaWidth(), source.chromaHeight(), target.u(), target.chromaWidth(), x / 2, y / 2);
        copyPlane(source.v(), source.chromaWidth(), source.chromaHeight(), target.v(), target.chromaWidth(), x / 2, y / 2);
    }

    /** Lays half-transparent black over the rectangle: luma halfway to black, chroma halfway to grey. */
    static void shade(I420Picture picture, int x, int y, int width, int height) {
        shadePlane(picture.y(), picture.width(), x, y, width, height, BLACK_LUMA);
        int chromaStride = picture.chromaWidth();
        shadePlane(picture.u(), chromaStride, x / 2, y / 2, width / 2, height / 2, NEUTRAL_CHROMA);
        shadePlane(picture.v(), chromaStride, x / 2, y / 2, width / 2, height / 2, NEUTRAL_CHROMA);
    }

    private static void fillPlane(byte[] plane, int stride, int x, int y, int width, int height, byte value) {
        for (int row = y; row < y + height; row++) {
            int start = row * stride + x;
            Arrays.fill(plane, start, start + width, value);
        }
    }

    private static void copyPlane(byte[] source, int width, int height, byte[] target, int stride, int x, int y) {
        for (int row = 0; row < height; row++) {
            System.arraycopy(source, row * width, target, (y + row) * stride + x, width);
        }
    }

    private static void shadePlane(byte[] plane, int stride, int x, int y, int width, int height, int towards) {
        for (int row = y; row < y + height; row++) {
            int start = row * stride + x;
            for (int i = start; i < start + width; i++) {
                plane[i] = (byte) (((plane[i] & 0xFF) + towards) >> 1);
            }
        }
    }
}
