package io.chorus.core.handoff;

/** What a full {@link HandOffQueue} does with the item that does not fit. */
public enum DropPolicy {
    /** Refuse the new item: what is queued is older but already promised to the consumer. */
    DROP_NEWEST,
    /** Drop the oldest queued item to make room: the consumer wants the latest, as a live sender does. */
    DROP_OLDEST,
    /**
     * Drop every queued frame and every following one up to the next key frame, since a decoder
     * cannot use frames after a gap; independent items (audio beside video) stay queued while
     * there is room. The drop listener is where the producer asks its source for that key frame.
     */
    SKIP_TO_KEY_FRAME
}
