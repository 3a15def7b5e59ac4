package io.chorus.mixer.video;

/**
 * A rectangle given as fractions of the canvas, with a stacking order: regions with a higher
 * {@code z} are drawn later, on top.
 */
public record Region(Fraction x, Fraction y, Fraction width, Fraction height, int z) {

    public Region {
        if (x == null || y == null || width == null || height == null) {
            throw new IllegalArgumentException("region coordinates must not be null: x=" + x + " y=" + y
                    + " width=" + width + " height=" + height);
        }
        if (width.numerator() == 0 || height.numerator() == 0) {
            throw new IllegalArgumentException("region must have a positive width and height: width=" + width
                    + " height=" + height);
        }
        if (exceedsOne(x, width)) {
            throw new IllegalArgumentException("region leaves the canvas horizontally: x + width = " + x + " + " + width
                    + " > 1");
        }
        if (exceedsOne(y, height)) {
            throw new IllegalArgumentException("region leaves the canvas vertically: y + height = " + y + " + " + height
                    + " > 1");
        }
    }

    /** Parses each coordinate as {@link Fraction#parse} does, for regions read from configuration. */
    public static Region parse(String x, String y, String width, String height, int z) {
        return new Region(Fraction.parse(x), Fraction.parse(y), Fraction.parse(width), Fraction.parse(height), z);
    }

    /** The pixel rectangle of this region on a canvas, edges snapped to even pixels. */
    Tile toTile(String participantId, int canvasWidth, int canvasHeight) {
        int left = x.evenPixels(canvasWidth);
        int top = y.evenPixels(canvasHeight);
        int right = Math.max(farEdge(x, width, canvasWidth), left + 2);
        int bottom = Math.max(farEdge(y, height, canvasHeight), top + 2);
        // A sliver narrower than one chroma block still gets one, pulled back inside the canvas.
        left = Math.min(left, canvasWidth - 2);
        top = Math.min(top, canvasHeight - 2);
        right = Math.min(right, canvasWidth);
        bottom = Math.min(bottom, canvasHeight);
        return new Tile(participantId, left, top, right - left, bottom - top, z);
    }

    private static boolean exceedsOne(Fraction start, Fraction length) {
        long sumNumerator = (long) start.numerator() * length.denominator() + (long) length.numerator() * start.denominator();
        return sumNumerator > (long) start.denominator() * length.denominator();
    }

    private static int farEdge(Fraction start, Fraction length, int total) {
        long numerator = (long) start.numerator() * length.denominator() + (long) length.numerator() * start.denominator();
        return Fraction.evenPixels(numerator, (long) start.denominator() * length.denominator(), total);
    }
}
