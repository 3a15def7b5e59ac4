package io.chorus.mixer.video;

import java.util.Arrays;

/**
 * A planar YUV 4:2:0 picture held in Java arrays, tightly packed (stride = plane width). Pictures
 * live on the Java heap so that composition is plain array copies the JIT vectorises; only the
 * codecs touch native memory. Chroma planes are {@code ceil(width/2) x ceil(height/2)}.
 */
public final class I420Picture {
    private final int width;
    private final int height;
    private final byte[] y;
    private final byte[] u;
    private final byte[] v;

    public I420Picture(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("picture size must be positive: " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.y = new byte[width * height];
        this.u = new byte[chromaWidth() * chromaHeight()];
        this.v = new byte[chromaWidth() * chromaHeight()];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int chromaWidth() {
        return (width + 1) / 2;
    }

    public int chromaHeight() {
        return (height + 1) / 2;
    }

    public byte[] y() {
        return y;
    }

    public byte[] u() {
        return u;
    }

    public byte[] v() {
        return v;
    }

    /** Paints the whole picture one colour. */
    public void fill(YuvColour colour) {
        Arrays.fill(y, colour.y());
        Arrays.fill(u, colour.u());
        Arrays.fill(v, colour.v());
    }

    /** The colour of the pixel at (x, y): its luma and the chroma of the 2x2 block holding it. */
    public YuvColour colourAt(int x, int yPos) {
        if (x < 0 || yPos < 0 || x >= width || yPos >= height) {
            throw new IndexOutOfBoundsException("(" + x + "," + yPos + ") outside " + width + "x" + height);
        }
        int c = (yPos / 2) * chromaWidth() + x / 2;
        return new YuvColour(y[yPos * width + x], u[c], v[c]);
    }
}
