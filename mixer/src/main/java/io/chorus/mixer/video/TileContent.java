package io.chorus.mixer.video;

/**
 * What to draw in one tile for one frame.
 *
 * @param placement     where the picture goes; may be null when there is no picture
 * @param scaledPicture the participant's picture already scaled to the placement's destination size, or
 *                      null when the participant has no video (a placeholder is drawn)
 * @param displayName   the name to label the tile with, or null for no label
 */
public record TileContent(Tile tile, Placement placement, I420Picture scaledPicture, String displayName) {

    public TileContent {
        if (tile == null) {
            throw new IllegalArgumentException("tile content needs a tile");
        }
        if (scaledPicture != null && placement == null) {
            throw new IllegalArgumentException("tile " + tile.participantId() + " has a picture but no placement");
        }
    }

    /** A tile for a participant without video. */
    public static TileContent placeholder(Tile tile, String displayName) {
        return new TileContent(tile, null, null, displayName);
    }
}
