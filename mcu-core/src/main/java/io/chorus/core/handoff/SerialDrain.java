package io.chorus.core.handoff;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one consumer's work on an executor, never on two of its threads at once. The producer only
 * calls {@link #signal()}, which costs an atomic increment and at most one executor submit; the
 * executor thread drains until no signal arrived while it worked, so nothing is left unprocessed.
 */
public final class SerialDrain {
    private static final Logger LOG = LoggerFactory.getLogger(SerialDrain.class);
    private final Executor executor;
    private final Runnable work;
    private final AtomicInteger pending = new AtomicInteger();

    public SerialDrain(Executor executor, Runnable work) {
        this.executor = executor;
        this.work = work;
    }

    public void signal() {
        if (pending.getAndIncrement() == 0) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        int seen;
        do {
            seen = pending.get();
            try {
                work.run();
            } catch (Throwable e) {
                // Whatever the work throws, the counter must come back to zero, or the consumer would never run again.
                LOG.error("serial work failed", e);
            }
        } while (!pending.compareAndSet(seen, 0));
    }
}
