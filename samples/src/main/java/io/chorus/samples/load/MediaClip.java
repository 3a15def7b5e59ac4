package io.chorus.samples.load;

import java.util.ArrayList;
import java.util.List;

/**
 * A participant's media, encoded once before the run and then sent in a loop, so the clients spend
 * their CPU on the network side only. Participants of the same colour share one.
 *
 * @param video one clip per variant, in {@link VideoLadder} order; empty for audio only
 */
record MediaClip(List<VideoClip> video, AudioClip audio) {

    MediaClip {
        video = List.copyOf(video);
    }

    /**
     * @param variants   what to encode, in {@link VideoLadder} order
     * @param fullRate   the pacer's video rate
     * @param loopFrames video loop length at the full rate
     */
    static MediaClip encode(int colourIndex, List<VideoVariant> variants, int fullRate, int loopFrames) {
        List<VideoClip> video = new ArrayList<>(variants.size());
        for (VideoVariant v : variants) {
            video.add(VideoClip.encode(colourIndex, v, fullRate, loopFrames));
        }
        return new MediaClip(video, AudioClip.encode(colourIndex));
    }

    List<VideoVariant> variants() {
        return video.stream().map(VideoClip::variant).toList();
    }
}
