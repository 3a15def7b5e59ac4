package io.chorus.mixer.video;

import java.util.List;

/**
 * Decides where each participant appears on the canvas. Layouts are immutable values, so a room
 * switches layout at runtime by swapping one reference; {@link #arrange} may be called from any thread.
 */
public sealed interface Layout permits GridLayout, SpeakerLayout, CustomLayout {

    /** Largest canvas side accepted; keeps the exact pixel arithmetic of {@link Region} within a long. */
    int MAX_CANVAS_SIDE = 16_384;

    /**
     * The tiles for these participants on a canvas of the given (even) size, in drawing order: ascending
     * {@code z}, ties in participant order. Participants a layout has no room for get no tile.
     *
     * @param participantIds distinct ids, in the room's order
     * @param activeSpeaker  the id of the participant speaking, or null when unknown; layouts that do
     *                       not feature a speaker ignore it
     */
    List<Tile> arrange(List<String> participantIds, String activeSpeaker, int canvasWidth, int canvasHeight);

    static Layout grid() {
        return new GridLayout();
    }

    static Layout speaker() {
        return new SpeakerLayout();
    }

    static Layout custom(List<Region> regions) {
        return new CustomLayout(regions);
    }
}
