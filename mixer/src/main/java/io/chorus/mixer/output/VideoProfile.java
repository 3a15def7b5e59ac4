package io.chorus.mixer.output;

import io.chorus.mixer.codec.VideoCodec;
import java.util.Objects;

/**
 * One encoding of a room's composite. Every receiver that asks for the same profile gets the
 * same encoded frames, so a room runs one encoder per profile in use, not one per receiver.
 */
public record VideoProfile(VideoCodec codec, int width, int height, int bitrateBps) {

    public VideoProfile {
        Objects.requireNonNull(codec, "codec");
        if (width < 16 || height < 16 || width > 3840 || height > 2160 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("profile size must be even and 16x16..3840x2160: " + width + "x" + height);
        }
        if (bitrateBps < 30_000 || bitrateBps > 20_000_000) {
            throw new IllegalArgumentException("profile bitrate must be 30 kb/s..20 Mb/s: " + bitrateBps);
        }
    }

    @Override
    public String toString() {
        return codec + " " + width + "x" + height + " @" + bitrateBps / 1000 + " kb/s";
    }
}
