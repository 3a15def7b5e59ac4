package io.chorus.signalling.conference;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The one action a {@link Peer} runs when it closes, run exactly once whichever comes first: the
 * close, or setting the action on a peer that is closed already.
 */
final class ClosedAction {
    private static final Runnable DONE = () -> { };

    private final BooleanSupplier closed;
    private final AtomicReference<Runnable> action = new AtomicReference<>();

    ClosedAction(BooleanSupplier closed) {
        this.closed = closed;
    }

    void set(Runnable next) {
        if (!action.compareAndSet(null, next)) {
            if (action.get() != DONE) {
                throw new IllegalStateException("a peer takes one closed action");
            }
            next.run();
            return;
        }
        if (closed.getAsBoolean()) {
            run();
        }
    }

    /** Called once the peer is closed. */
    void run() {
        Runnable current = action.getAndSet(DONE);
        if (current != null && current != DONE) {
            current.run();
        }
    }
}
