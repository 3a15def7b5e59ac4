package io.chorus.mixer.room;

import io.chorus.mixer.video.Compositor;
import io.chorus.mixer.video.FitPolicy;
import io.chorus.mixer.video.Layout;
import io.chorus.mixer.video.YuvColour;
import java.util.Objects;

/**
 * How one room mixes: canvas size and frame rate, background, initial layout and fit, how many
 * speakers are mixed at once, and the Opus bitrate of the mixes.
 */
public record RoomMixerConfig(int canvasWidth, int canvasHeight, int fps, YuvColour background, Layout layout,
        FitPolicy fit, int mixedSpeakers, int audioBitrateBps) {

    public static final int DEFAULT_FPS = 30;
    public static final int DEFAULT_MIXED_SPEAKERS = 3;
    public static final int DEFAULT_AUDIO_BITRATE = 32_000;

    public RoomMixerConfig {
        if (canvasWidth < 16 || canvasHeight < 16 || canvasWidth > 3840 || canvasHeight > 2160
                || canvasWidth % 2 != 0 || canvasHeight % 2 != 0) {
            throw new IllegalArgumentException("canvas must be even and 16x16..3840x2160: " + canvasWidth + "x" + canvasHeight);
        }
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException("frame rate must be 1..60: " + fps);
        }
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(fit, "fit");
        if (mixedSpeakers < 1 || mixedSpeakers > 16) {
            throw new IllegalArgumentException("mixed speakers must be 1..16: " + mixedSpeakers);
        }
        if (audioBitrateBps < 6_000 || audioBitrateBps > 510_000) {
            throw new IllegalArgumentException("Opus bitrate must be 6..510 kb/s: " + audioBitrateBps);
        }
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
