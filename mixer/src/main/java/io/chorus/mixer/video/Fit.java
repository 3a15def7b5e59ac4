package io.chorus.mixer.video;

/** Works out the {@link Placement} of a source picture in a tile under a {@link FitPolicy}. */
public final class Fit {

    private Fit() {
    }

    /**
     * Letterbox: the whole source, scaled to the largest even size of the same shape that fits the tile,
     * centred. Crop: the tile's shape cut from the centre of the source, filling the tile. Crop offsets
     * are even so the cut starts on a chroma sample.
     */
    public static Placement place(int sourceWidth, int sourceHeight, Tile tile, FitPolicy policy) {
        if (sourceWidth <= 0 || sourceHeight <= 0) {
            throw new IllegalArgumentException("source size must be positive: " + sourceWidth + "x" + sourceHeight);
        }
        if (tile == null || policy == null) {
            throw new IllegalArgumentException("tile and fit policy are required: tile=" + tile + " policy=" + policy);
        }
        return policy == FitPolicy.CROP
                ? crop(sourceWidth, sourceHeight, tile)
                : letterbox(sourceWidth, sourceHeight, tile);
    }

    private static Placement letterbox(int sourceWidth, int sourceHeight, Tile tile) {
        int width = tile.width();
        int height = tile.height();
        if ((long) sourceWidth * tile.height() >= (long) sourceHeight * tile.width()) {
            height = scaledEven(tile.width(), sourceHeight, sourceWidth, tile.height());
        } else {
            width = scaledEven(tile.height(), sourceWidth, sourceHeight, tile.width());
        }
        int x = tile.x() + evenHalf(tile.width() - width);
        int y = tile.y() + evenHalf(tile.height() - height);
        return new Placement(0, 0, sourceWidth, sourceHeight, x, y, width, height);
    }

    private static Placement crop(int sourceWidth, int sourceHeight, Tile tile) {
        int cropWidth = sourceWidth;
        int cropHeight = sourceHeight;
        if ((long) sourceWidth * tile.height() > (long) sourceHeight * tile.width()) {
            cropWidth = scaledEven(sourceHeight, tile.width(), tile.height(), sourceWidth);
        } else {
            cropHeight = scaledEven(sourceWidth, tile.height(), tile.width(), sourceHeight);
        }
        return new Placement(evenHalf(sourceWidth - cropWidth), evenHalf(sourceHeight - cropHeight), cropWidth, cropHeight,
                tile.x(), tile.y(), tile.width(), tile.height());
    }

    /**
     * {@code length * numerator / denominator} rounded to the nearest even number, at least 2 and at most
     * {@code limit}; a limit that is odd (a whole odd source side) is returned as it is.
     */
    private static int scaledEven(int length, int numerator, int denominator, int limit) {
        long even = ((long) length * numerator + denominator) / (2L * denominator) * 2;
        return (int) Math.min(limit, Math.max(2, even));
    }

    /** Half the spare room, rounded down to even, to centre something without splitting a chroma block. */
    private static int evenHalf(int spare) {
        return (spare / 2) & ~1;
    }
}
