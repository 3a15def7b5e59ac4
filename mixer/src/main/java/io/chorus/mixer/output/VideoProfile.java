package io.chorus.mixer.output;

import static io.chorus.core.config.SettingChecks.evenSide;
import static io.chorus.core.config.SettingChecks.inRange;
import static io.chorus.core.config.SettingChecks.required;

import io.chorus.mixer.codec.VideoCodec;

/**
 * One encoding of a room's composite. Every receiver that asks for the same profile gets the
 * same encoded frames, so a room runs one encoder per profile in use, not one per receiver.
 */
public record VideoProfile(VideoCodec codec, int width, int height, int bitrateBps) {

    /** Picture sides every encoder here takes, the room's canvas included. */
    public static final int MIN_SIDE = 16;
    public static final int MAX_WIDTH = 3840;
    public static final int MAX_HEIGHT = 2160;
    public static final int MIN_BITRATE = 30_000;
    public static final int MAX_BITRATE = 20_000_000;

    public VideoProfile {
        required(codec, "codec");
        evenSide(width, MIN_SIDE, MAX_WIDTH, "width");
        evenSide(height, MIN_SIDE, MAX_HEIGHT, "height");
        inRange(bitrateBps, MIN_BITRATE, MAX_BITRATE, "bitrateBps");
    }

    @Override
    public String toString() {
        return codec + " " + width + "x" + height + " @" + bitrateBps / 1000 + " kb/s";
    }
}
