package io.chorus.core.sdp;

import java.util.Objects;

import io.chorus.core.rtp.MediaKind;

/**
 * The identity of the server's outgoing media in an answer: one RTCP CNAME and one media stream
 * ({@code a=msid}, RFC 8830) holding an audio and a video track.
 */
public record LocalMedia(String cname, String streamId, OutgoingTrack audio, OutgoingTrack video) {

    public LocalMedia {
        Objects.requireNonNull(cname, "cname");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(video, "video");
    }

    public OutgoingTrack track(MediaKind kind) {
        return kind == MediaKind.AUDIO ? audio : video;
    }
}
