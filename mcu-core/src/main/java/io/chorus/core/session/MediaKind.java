package io.chorus.core.session;

/** The two media a WebRTC participant exchanges with the server. */
public enum MediaKind {
    AUDIO, VIDEO
}
