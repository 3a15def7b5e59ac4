package io.chorus.recorder.rtmp;

import java.time.Duration;
import java.util.Objects;

/**
 * One state change of a broadcast.
 *
 * @param detail   why it changed (the error for RECONNECTING and FAILED), never containing the stream key; may be empty
 * @param failures consecutive failed connection attempts so far (0 once LIVE)
 * @param retryIn  for RECONNECTING, the wait before the next attempt; otherwise zero
 */
public record BroadcastStatus(BroadcastState state, String detail, int failures, Duration retryIn) {

    public BroadcastStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(retryIn, "retryIn");
        if (failures < 0) {
            throw new IllegalArgumentException("failures must be >= 0: " + failures);
        }
    }

    static BroadcastStatus of(BroadcastState state, String detail) {
        return new BroadcastStatus(state, detail, 0, Duration.ZERO);
    }
}
