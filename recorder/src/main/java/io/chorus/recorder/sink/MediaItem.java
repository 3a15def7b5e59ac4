package io.chorus.recorder.sink;

import io.chorus.core.handoff.HandOffQueue;
import io.chorus.core.handoff.HandOffQueue.Dependency;
import io.chorus.core.rtp.codec.EncodedFrame;

/** One audio or video frame on its way to a sink's worker, as the sinks queue them. */
public interface MediaItem {

    boolean video();

    EncodedFrame frame();

    /**
     * A queue for a sink's mixed audio and video: once full it drops the queued video and skips to
     * the next key frame, since a file or stream cannot use frames after a gap, while audio keeps
     * its place; {@code askForKeyFrame} runs on the producer's thread at each drop.
     */
    static <T extends MediaItem> HandOffQueue<T> queue(int capacity, Runnable askForKeyFrame) {
        return HandOffQueue.skipToKeyFrame(capacity, MediaItem::dependency, (items, total) -> askForKeyFrame.run());
    }

    private static Dependency dependency(MediaItem item) {
        if (!item.video()) {
            return Dependency.INDEPENDENT;
        }
        return item.frame().keyFrame() ? Dependency.KEY_FRAME : Dependency.DELTA_FRAME;
    }
}
