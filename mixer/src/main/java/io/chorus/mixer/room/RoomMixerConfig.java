package io.chorus.mixer.room;

import static io.chorus.core.config.SettingChecks.evenSide;
import static io.chorus.core.config.SettingChecks.inRange;
import static io.chorus.core.config.SettingChecks.required;

import io.chorus.mixer.codec.OpusEncoder;
import io.chorus.mixer.output.VideoProfile;
import io.chorus.mixer.video.Compositor;
import io.chorus.mixer.video.FitPolicy;
import io.chorus.mixer.video.Layout;
import io.chorus.mixer.video.YuvColour;

/**
 * How one room mixes: canvas size and frame rate, background, initial layout and fit, how many
 * speakers are mixed at once, and the Opus bitrate of the mixes.
 */
public record RoomMixerConfig(int canvasWidth, int canvasHeight, int fps, YuvColour background, Layout layout,
        FitPolicy fit, int mixedSpeakers, int audioBitrateBps) {

    public static final int DEFAULT_FPS = 30;
    public static final int DEFAULT_MIXED_SPEAKERS = 3;
    public static final int DEFAULT_AUDIO_BITRATE = 32_000;
    public static final int MAX_FPS = 60;
    public static final int MAX_MIXED_SPEAKERS = 16;

    public RoomMixerConfig {
        evenSide(canvasWidth, VideoProfile.MIN_SIDE, VideoProfile.MAX_WIDTH, "canvasWidth");
        evenSide(canvasHeight, VideoProfile.MIN_SIDE, VideoProfile.MAX_HEIGHT, "canvasHeight");
        inRange(fps, 1, MAX_FPS, "fps");
        required(background, "background");
        required(layout, "layout");
        required(fit, "fit");
        inRange(mixedSpeakers, 1, MAX_MIXED_SPEAKERS, "mixedSpeakers");
        inRange(audioBitrateBps, OpusEncoder.MIN_BITRATE_BPS, OpusEncoder.MAX_BITRATE_BPS, "audioBitrateBps");
    }

    /** 1280x720 at 30 fps, grid, letterbox, three mixed speakers, 32 kb/s Opus. */
    public static RoomMixerConfig defaults() {
        return new RoomMixerConfig(Compositor.DEFAULT_WIDTH, Compositor.DEFAULT_HEIGHT, DEFAULT_FPS,
                Compositor.DEFAULT_BACKGROUND, Layout.grid(), FitPolicy.LETTERBOX, DEFAULT_MIXED_SPEAKERS,
                DEFAULT_AUDIO_BITRATE);
    }

    public RoomMixerConfig withCanvas(int width, int height, int framesPerSecond) {
        return new RoomMixerConfig(width, height, framesPerSecond, background, layout, fit, mixedSpeakers, audioBitrateBps);
    }

    public RoomMixerConfig withLayout(Layout next) {
        return new RoomMixerConfig(canvasWidth, canvasHeight, fps, background, next, fit, mixedSpeakers, audioBitrateBps);
    }

    public RoomMixerConfig withMixedSpeakers(int k) {
        return new RoomMixerConfig(canvasWidth, canvasHeight, fps, background, layout, fit, k, audioBitrateBps);
    }
}
