package io.chorus.samples.load;

import io.chorus.mixer.video.I420Picture;

/**
 * A frame number drawn as a row of black and white cells across the top of a picture, so that it
 * can be read back from the composite after decoding, scaling and re-encoding. The row is
 * {@value #CELLS} cells wide, cells square: white, black (start marker), {@value #BITS} bits (least
 * significant first, white = 1), an even-parity cell, and a black end cell. The markers and the
 * parity reject a row caught mid-transition or blurred beyond reading, rather than misreading it.
 */
final class FrameCounter {
    static final int BITS = 16;
    static final int CELLS = BITS + 4;
    static final int MAX = (1 << BITS) - 1;
    private static final byte WHITE = (byte) 235;
    private static final byte BLACK = (byte) 16;
    /** Midway between limited-range black (16) and white (235). */
    private static final int THRESHOLD = 126;
    /** Not a valid counter: markers or parity did not match. */
    static final int UNREADABLE = -1;

    private FrameCounter() {
    }

    /** Height of the row in a picture of this width: one cell. */
    static int rowHeight(int pictureWidth) {
        return pictureWidth / CELLS;
    }

    /** Draws {@code counter} (0..{@value #MAX}) over the top of the picture's luma; chroma is set neutral there. */
    static void draw(I420Picture picture, int counter) {
        if (counter < 0 || counter > MAX) {
            throw new IllegalArgumentException("counter must be 0.." + MAX + ": " + counter);
        }
        int cell = rowHeight(picture.width());
        if (cell < 2) {
            throw new IllegalArgumentException("picture too narrow for a counter row: " + picture.width());
        }
        boolean[] white = cells(counter);
        byte[] y = picture.y();
        for (int row = 0; row < cell; row++) {
            int base = row * picture.width();
            for (int c = 0; c < CELLS; c++) {
                java.util.Arrays.fill(y, base + c * cell, base + (c + 1) * cell, white[c] ? WHITE : BLACK);
            }
        }
        int chromaRows = (cell + 1) / 2;
        java.util.Arrays.fill(picture.u(), 0, chromaRows * picture.chromaWidth(), (byte) 128);
        java.util.Arrays.fill(picture.v(), 0, chromaRows * picture.chromaWidth(), (byte) 128);
    }

    /**
     * Reads the counter from where a source picture landed in {@code canvas}: the rectangle
     * ({@code x}, {@code y}, {@code width}, {@code height}) holds the whole source, scaled.
     *
     * @return the counter, or {@link #UNREADABLE}
     */
    static int read(I420Picture canvas, int x, int y, int width, int height) {
        if (x < 0 || y < 0 || width <= 0 || height <= 0 || x + width > canvas.width() || y + height > canvas.height()) {
            throw new IllegalArgumentException("region " + width + "x" + height + "+" + x + "+" + y
                    + " is not inside the " + canvas.width() + "x" + canvas.height() + " canvas");
        }
        double cell = (double) width / CELLS;
        if (cell < 4) {
            return UNREADABLE;
        }
        boolean[] white = new boolean[CELLS];
        // The inner half of each cell: its edges are smeared by scaling and by the codec.
        int inset = (int) Math.ceil(cell / 4);
        int top = y + inset;
        int bottom = y + (int) cell - inset;
        for (int c = 0; c < CELLS; c++) {
            int left = x + (int) (c * cell) + inset;
            int right = x + (int) ((c + 1) * cell) - inset;
            white[c] = meanLuma(canvas, left, top, right, bottom) > THRESHOLD;
        }
        if (!white[0] || white[1] || white[CELLS - 1]) {
            return UNREADABLE;
        }
        int counter = 0;
        for (int bit = 0; bit < BITS; bit++) {
            if (white[2 + bit]) {
                counter |= 1 << bit;
            }
        }
        return white[2 + BITS] == oddOnes(counter) ? counter : UNREADABLE;
    }

    private static boolean[] cells(int counter) {
        boolean[] white = new boolean[CELLS];
        white[0] = true;
        for (int bit = 0; bit < BITS; bit++) {
            white[2 + bit] = (counter >> bit & 1) != 0;
        }
        white[2 + BITS] = oddOnes(counter);
        return white;
    }

    /** The parity cell is white when the bits hold an odd number of ones, so the row's ones are even. */
    private static boolean oddOnes(int counter) {
        return (Integer.bitCount(counter) & 1) != 0;
    }

    private static int meanLuma(I420Picture canvas, int left, int top, int right, int bottom) {
        byte[] y = canvas.y();
        long sum = 0;
        int count = 0;
        for (int row = top; row < Math.max(bottom, top + 1); row++) {
            for (int col = left; col < Math.max(right, left + 1); col++) {
                sum += y[row * canvas.width() + col] & 0xFF;
                count++;
            }
        }
        return (int) (sum / count);
    }
}
