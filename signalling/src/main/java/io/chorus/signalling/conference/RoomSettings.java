package io.chorus.signalling.conference;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.chorus.mixer.room.RoomMixerConfig;
import io.chorus.mixer.video.FitPolicy;
import io.chorus.mixer.video.Layout;
import io.chorus.mixer.video.LayoutName;

/**
 * What every conference room on this server starts from, and the server's limits. A room created
 * through the API may override canvas and layout.
 *
 * @param tiers              best first, strictly descending bitrate, none larger than the canvas
 * @param recordingDirectory where recordings are written
 * @param autoRecord         the format every room is recorded in from its first join, or null for none
 * @param autoRecordParticipants whether that automatic recording also records each participant
 */
public record RoomSettings(int width, int height, int fps, LayoutName layout, FitPolicy fit, List<VideoTier> tiers,
        int mixedSpeakers, int audioBitrateBps, int maxParticipants, int maxRooms, Duration emptyRoomGrace,
        boolean createOnJoin, Path recordingDirectory, String autoRecord, boolean autoRecordParticipants) {

    public RoomSettings {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(emptyRoomGrace, "emptyRoomGrace");
        Objects.requireNonNull(recordingDirectory, "recordingDirectory");
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("at least one video tier is needed");
        }
        for (int i = 0; i < tiers.size(); i++) {
            VideoTier tier = tiers.get(i);
            if (i > 0 && tier.bitrateBps() >= tiers.get(i - 1).bitrateBps()) {
                throw new IllegalArgumentException("video tiers must be in strictly descending bitrate: " + tiers);
            }
        }
        if (maxParticipants < 1 || maxRooms < 1) {
            throw new IllegalArgumentException("limits must be positive: maxParticipants=" + maxParticipants
                    + " maxRooms=" + maxRooms);
        }
        if (emptyRoomGrace.isNegative()) {
            throw new IllegalArgumentException("emptyRoomGrace must not be negative: " + emptyRoomGrace);
        }
        new RoomMixerConfig(width, height, fps, RoomMixerConfig.defaults().background(), layout.layout(), fit,
                mixedSpeakers, audioBitrateBps);
    }

    /** The mixer configuration of a room with this canvas and layout. */
    RoomMixerConfig mixerConfig(int canvasWidth, int canvasHeight, int framesPerSecond, Layout initialLayout) {
        RoomMixerConfig base = RoomMixerConfig.defaults();
        return new RoomMixerConfig(canvasWidth, canvasHeight, framesPerSecond, base.background(),
                initialLayout, fit, mixedSpeakers, audioBitrateBps);
    }
}
