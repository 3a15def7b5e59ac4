package io.chorus.signalling.room;

import java.util.Objects;

import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.output.VideoProfile;

/**
 * One quality step of a room's downstream video. Every receiver on a tier shares that tier's
 * encoder, so a room runs at most one encoder per tier in use, whatever its size.
 */
public record VideoTier(String name, int width, int height, int bitrateBps) {

    public VideoTier {
        Objects.requireNonNull(name, "name");
        // VideoProfile holds the limits; building one here rejects a bad tier at configuration time.
        new VideoProfile(VideoCodec.VP8, width, height, bitrateBps);
    }

    public VideoProfile profile(VideoCodec codec) {
        return new VideoProfile(codec, width, height, bitrateBps);
    }

    @Override
    public String toString() {
        return name + " " + width + "x" + height + " @" + bitrateBps / 1000 + " kb/s";
    }
}
