package io.chorus.core.rtp;

/** The two media a WebRTC participant exchanges with the server. */
public enum MediaKind {
    AUDIO, VIDEO
}
