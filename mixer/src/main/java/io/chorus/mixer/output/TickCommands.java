package io.chorus.mixer.output;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Changes requested from any thread and applied by the tick thread at the start of its next tick.
 * The tick thread is then the only one touching output state, so it never waits for a lock that a
 * signalling or network thread holds.
 */
final class TickCommands {
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();

    void post(Runnable command) {
        queue.add(command);
    }

    /** Tick thread only. */
    void applyPending() {
        Runnable command;
        while ((command = queue.poll()) != null) {
            command.run();
        }
    }
}
