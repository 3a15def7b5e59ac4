package io.chorus.mixer.video;

/**
 * How one source picture lands in its tile: the rectangle of the source to scale ({@code crop*}, in
 * source pixels) and where the scaled result goes ({@code dst*}, in canvas pixels, inside the tile).
 * The scaler must turn the crop rectangle into a picture of exactly {@code dstWidth x dstHeight}.
 */
public record Placement(int cropX, int cropY, int cropWidth, int cropHeight,
                        int dstX, int dstY, int dstWidth, int dstHeight) {

    public Placement {
        if (cropX < 0 || cropY < 0 || cropWidth <= 0 || cropHeight <= 0) {
            throw new IllegalArgumentException("crop needs a non-negative position and positive size: "
                    + Tile.describe(cropX, cropY, cropWidth, cropHeight));
        }
        if (dstX < 0 || dstY < 0 || dstWidth <= 0 || dstHeight <= 0) {
            throw new IllegalArgumentException("destination needs a non-negative position and positive size: "
                    + Tile.describe(dstX, dstY, dstWidth, dstHeight));
        }
        if (((dstX | dstY | dstWidth | dstHeight) & 1) != 0) {
            throw new IllegalArgumentException("destination position and size must be even (4:2:0 chroma): "
                    + Tile.describe(dstX, dstY, dstWidth, dstHeight));
        }
    }
}
