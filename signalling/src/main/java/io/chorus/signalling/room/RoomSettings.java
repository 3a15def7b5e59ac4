package io.chorus.signalling.room;

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
 * @param tiers best first, strictly descending bitrate, none larger than the canvas
 */
public record RoomSettings(int width, int height, int fps, LayoutName layout, FitPolicy fit, List<VideoTier> tiers,
        int mixedSpeakers, int audioBitrateBps, int maxParticipants, int maxRooms, Duration emptyRoomGrace,
        boolean createOnJoin) {

    public RoomSettings {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(emptyRoomGrace, "emptyRoomGrace");
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

    /** 1280x720 at 30 fps, grid, three tiers (720p 1.5 Mb/s, 360p 500 kb/s, 180p 150 kb/s), 16 per room. */
    public static RoomSettings defaults() {
        return new RoomSettings(1280, 720, 30, LayoutName.GRID, FitPolicy.LETTERBOX,
                List.of(new VideoTier("high", 1280, 720, 1_500_000), new VideoTier("medium", 640, 360, 500_000),
                        new VideoTier("low", 320, 180, 150_000)),
                RoomMixerConfig.DEFAULT_MIXED_SPEAKERS, RoomMixerConfig.DEFAULT_AUDIO_BITRATE, 16, 32,
                Duration.ofSeconds(30), true);
    }

    public RoomSettings withEmptyRoomGrace(Duration grace) {
        return new RoomSettings(width, height, fps, layout, fit, tiers, mixedSpeakers, audioBitrateBps,
                maxParticipants, maxRooms, grace, createOnJoin);
    }

    public RoomSettings withLimits(int participantsPerRoom, int rooms) {
        return new RoomSettings(width, height, fps, layout, fit, tiers, mixedSpeakers, audioBitrateBps,
                participantsPerRoom, rooms, emptyRoomGrace, createOnJoin);
    }

    /** The mixer configuration of a room with this canvas and layout. */
    RoomMixerConfig mixerConfig(int canvasWidth, int canvasHeight, int framesPerSecond, Layout initialLayout) {
        RoomMixerConfig base = RoomMixerConfig.defaults();
        return new RoomMixerConfig(canvasWidth, canvasHeight, framesPerSecond, base.background(),
                initialLayout, fit, mixedSpeakers, audioBitrateBps);
    }
}
