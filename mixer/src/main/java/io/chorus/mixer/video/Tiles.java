package io.chorus.mixer.video;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The steps every {@link Layout} shares: input checks and turning regions into ordered pixel tiles. */
final class Tiles {

    private Tiles() {
    }

    /**
     * Gives {@code ids.get(i)} the region {@code regions.get(i)} for every index both lists have, snaps
     * them to pixels and orders them for drawing; the shared last step of every layout.
     */
    static List<Tile> assign(List<String> ids, List<Region> regions, int canvasWidth, int canvasHeight) {
        checkCanvas(canvasWidth, canvasHeight);
        int count = Math.min(ids.size(), regions.size());
        List<Tile> tiles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tiles.add(regions.get(i).toTile(ids.get(i), canvasWidth, canvasHeight));
        }
        tiles.sort(Comparator.comparingInt(Tile::z)); // stable: equal z keeps participant order
        return List.copyOf(tiles);
    }

    /** Rejects a null list, null or duplicate ids. */
    static void checkParticipants(List<String> participantIds) {
        if (participantIds == null) {
            throw new IllegalArgumentException("participant id list is null");
        }
        Set<String> seen = new HashSet<>();
        for (String id : participantIds) {
            if (id == null) {
                throw new IllegalArgumentException("participant id list contains null: " + participantIds);
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException("participant id listed twice: " + id);
            }
        }
    }

    private static void checkCanvas(int width, int height) {
        if (width < 2 || height < 2 || width > Layout.MAX_CANVAS_SIDE || height > Layout.MAX_CANVAS_SIDE
                || ((width | height) & 1) != 0) {
            throw new IllegalArgumentException("canvas must be even and 2.." + Layout.MAX_CANVAS_SIDE + " on each side: "
                    + width + "x" + height);
        }
    }
}
