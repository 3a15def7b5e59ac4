package io.chorus.mixer.input;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one stream's work on a shared pool, never on two pool threads at once. The producer (a
 * network or tick thread) only calls {@link #signal()}, which costs an atomic increment and at
 * most one executor submit; the pool thread drains until no signal arrived while it worked, so
 * nothing is left unprocessed.
 */
public final class SerialDrain {
    private static final Logger LOG = LoggerFactory.getLogger(SerialDrain.class);
    private final Executor pool;
    private final Runnable work;
    private final AtomicInteger pending = new AtomicInteger();

    public SerialDrain(Executor pool, Runnable work) {
        this.pool = pool;
        this.work = work;
    }

    public void signal() {
        if (pending.getAndIncrement() == 0) {
            pool.execute(this::drain);
        }
    }

    private void drain() {
        int seen;
        do {
            seen = pending.get();
            try {
                work.run();
            } catch (RuntimeException e) {
                // A failure must not leave the counter stuck above zero, or the input would never drain again.
                LOG.error("serial work failed", e);
            }
        } while (!pending.compareAndSet(seen, 0));
    }
}
