package io.chorus.signalling.room;

import java.util.Objects;

import io.chorus.mixer.video.Layout;
import io.chorus.signalling.protocol.ClientMessageParser;

/**
 * How one room is set up: its id, canvas and initial layout. {@code layoutName} is what members
 * and the API see ("grid", "speaker" or "custom").
 */
public record RoomSpec(String id, int width, int height, int fps, String layoutName, Layout layout) {

    public RoomSpec {
        if (!ClientMessageParser.isValidRoomId(id)) {
            throw new IllegalArgumentException("room id must match [A-Za-z0-9_-]{1,64}: '" + id + "'");
        }
        Objects.requireNonNull(layoutName, "layoutName");
        Objects.requireNonNull(layout, "layout");
    }

    /** A room as the server's settings make it, e.g. when created by its first join. */
    public static RoomSpec of(String id, RoomSettings settings) {
        return new RoomSpec(id, settings.width(), settings.height(), settings.fps(), settings.layout().wireName(),
                settings.layout().layout());
    }
}
