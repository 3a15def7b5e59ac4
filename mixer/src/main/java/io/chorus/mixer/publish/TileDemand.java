package io.chorus.mixer.publish;

import io.chorus.mixer.video.Tile;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demand a layout's tiles make on each input. Every output is the canvas scaled to its profile,
 * so an input is never shown larger than its canvas tile scaled by the largest profile (per axis);
 * a profile larger than the canvas is upscaled from it and adds no detail, so the scale is capped at 1.
 *
 * <p>With no video receiver at all the canvas itself sets the demand, as if one received it at canvas
 * size: a recording or broadcast may subscribe at any moment, and its first seconds would otherwise
 * show upscaled thumbnails until the publishers had reacted. The composition runs (and decodes the
 * inputs) whether or not anybody receives it, so asking for less would save the publishers' uplink
 * only while the room is unwatched, which is rare and short.
 */
public final class TileDemand {
    private final int canvasWidth;
    private final int canvasHeight;
    private final int fps;

    public TileDemand(int canvasWidth, int canvasHeight, int fps) {
        if (canvasWidth <= 0 || canvasHeight <= 0 || fps <= 0) {
            throw new IllegalArgumentException("canvas size and frame rate must be positive: " + canvasWidth + "x"
                    + canvasHeight + "@" + fps);
        }
        this.canvasWidth = canvasWidth;
        this.canvasHeight = canvasHeight;
        this.fps = fps;
    }

    /**
     * The demand on every participant, in the order given; those without a tile get
     * {@link VideoDemand#NONE}. A layout gives a participant at most one tile.
     *
     * @param tiles              the layout's tiles on this calculator's canvas
     * @param largestOutputWidth  widest profile that has receivers, 0 when nobody receives video
     * @param largestOutputHeight tallest profile that has receivers, 0 when nobody receives video
     */
    public Map<String, VideoDemand> demands(List<String> participantIds, List<Tile> tiles, int largestOutputWidth,
            int largestOutputHeight) {
        if ((largestOutputWidth == 0) != (largestOutputHeight == 0) || largestOutputWidth < 0 || largestOutputHeight < 0) {
            throw new IllegalArgumentException("largest output must be positive, or 0x0 for none: " + largestOutputWidth
                    + "x" + largestOutputHeight);
        }
        int outputWidth = largestOutputWidth == 0 ? canvasWidth : Math.min(largestOutputWidth, canvasWidth);
        int outputHeight = largestOutputHeight == 0 ? canvasHeight : Math.min(largestOutputHeight, canvasHeight);
        Map<String, Tile> tileOf = new HashMap<>();
        for (Tile tile : tiles) {
            tileOf.put(tile.participantId(), tile);
        }
        Map<String, VideoDemand> demands = new LinkedHashMap<>();
        for (String id : participantIds) {
            Tile tile = tileOf.get(id);
            demands.put(id, tile == null ? VideoDemand.NONE
                    : new VideoDemand(evenCeil((long) tile.width() * outputWidth, canvasWidth),
                            evenCeil((long) tile.height() * outputHeight, canvasHeight), fps));
        }
        return demands;
    }

    /** {@code numerator / denominator} rounded up to an even number: an even box never undercuts the output. */
    private static int evenCeil(long numerator, long denominator) {
        return (int) ((numerator + 2 * denominator - 1) / (2 * denominator)) * 2;
    }
}
