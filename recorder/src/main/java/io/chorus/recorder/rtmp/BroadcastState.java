package io.chorus.recorder.rtmp;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a broadcast stands. Network trouble never ends a broadcast: it moves to RECONNECTING and
 * retries until it is stopped. FAILED is kept for faults a retry cannot fix (the local encoder or
 * muxer cannot be set up), so a caller seeing FAILED knows waiting will not help.
 */
public enum BroadcastState {
    /** The first connection to the server is being opened. */
    CONNECTING,
    /** Connected; media is being pushed. */
    LIVE,
    /** The connection failed or dropped; waiting out the backoff or retrying. */
    RECONNECTING,
    /** Stopped by its owner; final. */
    STOPPED,
    /** Ended by a fault that retrying cannot fix; final. */
    FAILED;

    public boolean isFinal() {
        return this == STOPPED || this == FAILED;
    }

    /** Whether a broadcast in this state may move to {@code next}. */
    public boolean canMoveTo(BroadcastState next) {
        return successors().contains(next);
    }

    private Set<BroadcastState> successors() {
        return switch (this) {
            case CONNECTING -> EnumSet.of(LIVE, RECONNECTING, STOPPED, FAILED);
            case LIVE -> EnumSet.of(RECONNECTING, STOPPED, FAILED);
            // A failed retry stays RECONNECTING with a longer wait, reported again.
            case RECONNECTING -> EnumSet.of(RECONNECTING, LIVE, STOPPED, FAILED);
            case STOPPED, FAILED -> EnumSet.noneOf(BroadcastState.class);
        };
    }
}
