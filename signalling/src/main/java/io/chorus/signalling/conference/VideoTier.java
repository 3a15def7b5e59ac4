package io.chorus.signalling.conference;

import java.util.Objects;

import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.output.VideoProfile;

/**
 * One quality step of a room's downstream video. Every receiver on a tier shares that tier's
 * encoder, so a room runs at most one encoder per tier in use, whatever its size.
 */
public record VideoTier(String name, int width, int height, int bitrateBps) {
    /**
     * Not a tier: the receiver's estimate is below the lowest one, so it gets the audio mix only,
     * and no encoder runs for it (announced to the client as a tier of this name and zero size).
     */
    public static final VideoTier AUDIO_ONLY = new VideoTier("audio-only", 0, 0, 0);

    public VideoTier {
        Objects.requireNonNull(name, "name");
        if (!(name.equals("audio-only") && width == 0 && height == 0 && bitrateBps == 0)) {
            // VideoProfile holds the limits; building one here rejects a bad tier at configuration time.
            new VideoProfile(VideoCodec.VP8, width, height, bitrateBps);
        }
    }

    public boolean audioOnly() {
        return this.equals(AUDIO_ONLY);
    }

    public VideoProfile profile(VideoCodec codec) {
        if (audioOnly()) {
            throw new IllegalStateException("the audio-only step has no video profile");
        }
        return new VideoProfile(codec, width, height, bitrateBps);
    }

    @Override
    public String toString() {
        return audioOnly() ? name : name + " " + width + "x" + height + " @" + bitrateBps / 1000 + " kb/s";
    }
}
