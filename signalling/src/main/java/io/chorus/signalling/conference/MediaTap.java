package io.chorus.signalling.conference;

import io.chorus.core.rtp.MediaKind;
import io.chorus.core.rtp.codec.EncodedFrame;

/** Sees each frame a participant sends, on its transport's receive thread: hand off, never block. */
@FunctionalInterface
interface MediaTap {
    void onFrame(MediaKind kind, EncodedFrame frame, long receivedNanos);
}
