package io.chorus.recorder.rtmp;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a broadcast's current status and tells the listener of each change, in order. The worker
 * thread and {@code stop()} race at the end of a broadcast, so a change requested after a final
 * state is ignored (reported as false) rather than treated as a bug; any other illegal move is one.
 */
final class BroadcastStateMachine {
    private static final Logger LOG = LoggerFactory.getLogger(BroadcastStateMachine.class);

    private final String name;
    private final BroadcastListener listener;
    private volatile BroadcastStatus current = BroadcastStatus.of(BroadcastState.CONNECTING, "");

    BroadcastStateMachine(String name, BroadcastListener listener) {
        this.name = Objects.requireNonNull(name, "name");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    BroadcastStatus current() {
        return current;
    }

    /** Tells the listener the initial CONNECTING status. */
    synchronized void announce() {
        notifyListener(current);
    }

    /** Moves to {@code next}; false when the broadcast had already reached a final state. */
    synchronized boolean moveTo(BroadcastStatus next) {
        BroadcastState from = current.state();
        if (from.isFinal()) {
            return false;
        }
        if (!from.canMoveTo(next.state())) {
            throw new IllegalStateException("broadcast " + name + " cannot move from " + from + " to " + next.state());
        }
        current = next;
        LOG.info("broadcast {}: {} -> {}{}", name, from, next.state(), next.detail().isEmpty() ? "" : " (" + next.detail() + ")");
        notifyListener(next);
        return true;
    }

    private void notifyListener(BroadcastStatus status) {
        try {
            listener.onStatus(status);
        } catch (RuntimeException e) {
            // A listener's bug must not take the broadcast down with it.
            LOG.warn("broadcast {}: state listener failed on {}", name, status.state(), e);
        }
    }
}
