package io.chorus.signalling.conference;

import java.util.Objects;
import java.util.regex.Pattern;

import io.chorus.mixer.room.RoomMixerConfig;
import io.chorus.mixer.video.Layout;

/**
 * How one room is set up: its id, canvas and initial layout. {@code layoutName} is what members
 * and the API see ("grid", "speaker" or "custom").
 */
public record RoomSpec(String id, int width, int height, int fps, String layoutName, Layout layout) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public RoomSpec {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("room id must match [A-Za-z0-9_-]{1,64}: '" + id + "'");
        }
        Objects.requireNonNull(layoutName, "layoutName");
        Objects.requireNonNull(layout, "layout");
    }

    /** A room as the server's settings make it, e.g. when created by its first join. */
    public static RoomSpec of(String id, ConferenceSettings settings) {
        RoomMixerConfig mixer = settings.mixer();
        return new RoomSpec(id, mixer.canvasWidth(), mixer.canvasHeight(), mixer.fps(), settings.layout().wireName(),
                settings.layout().layout());
    }

    /** Room ids are {@code [A-Za-z0-9_-]{1,64}} everywhere: in joins, in the REST API, in file names. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
