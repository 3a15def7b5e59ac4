package io.chorus.recorder.sink;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Puts a bounded queue and a worker thread between a producer that must never wait (the mixer's tick
 * thread) and a consumer that may (a file on a slow disk, a socket to a dead server). {@link #offer}
 * never blocks: when the queue is full the item is dropped and counted. If the handler throws, the
 * sink ends {@link State#FAILED} with the exception's message, later items are refused, and the
 * failure listener runs once on the worker thread. {@link #close} lets the worker write what is
 * queued, then stops it.
 *
 * @param <T> what is queued (frames, packets)
 */
public final class SinkQueue<T> implements AutoCloseable {

    /** Consumes one item on the worker thread; may block and may throw. */
    @FunctionalInterface
    public interface Handler<T> {
        void handle(T item) throws Exception;
    }

    public enum State { RUNNING, CLOSED, FAILED }

    /** Marks the end of the stream inside the queue, so close() drains what came before it. */
    private static final Object END = new Object();

    private static final long IDLE_CHECK_MILLIS = 200;

    private final String name;
    private final BlockingQueue<Object> queue;
    private final Handler<T> handler;
    private final Consumer<Throwable> onFailure;
    private final Thread worker;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    private volatile State state = State.RUNNING;
    private volatile boolean closing;
    private volatile String failure;

    /**
     * Starts the worker thread.
     *
     * @param name      names the worker thread ("sink-" + name) and the failure messages
     * @param capacity  items the queue holds before offers are dropped
     * @param onFailure runs once on the worker thread when the handler throws
     */
    public SinkQueue(String name, int capacity, Handler<T> handler, Consumer<Throwable> onFailure) {
        this.name = Objects.requireNonNull(name, "name");
        if (capacity < 1) {
            throw new IllegalArgumentException("sink queue capacity must be >= 1: " + capacity);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.handler = Objects.requireNonNull(handler, "handler");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        this.worker = new Thread(this::run, "sink-" + name);
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Queues an item without waiting.
     *
     * @return false when the item was not queued: dropped and counted (queue full, sink failed) or
     *         refused because the sink is closing or closed (not counted)
     */
    public boolean offer(T item) {
        Objects.requireNonNull(item, "item");
        if (closing) {
            // Producers may deliver a last frame while they are being detached; that is not a loss.
            return false;
        }
        if (state != State.RUNNING || !queue.offer(item)) {
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    public State state() {
        return state;
    }

    /** The handler's error message once FAILED, else null. */
    public String failure() {
        return failure;
    }

    /** Items dropped by {@link #offer} because the queue was full or the sink had failed, plus those queued at the failure. */
    public long dropped() {
        return dropped.get();
    }

    /** Items the handler consumed successfully. */
    public long handled() {
        return handled.get();
    }

    /** Items waiting for the worker. */
    public int queued() {
        return (int) queue.stream().filter(item -> item != END).count();
    }

    /** Drains what is queued, then stops the worker; waits for it without limit. Idempotent. */
    @Override
    public void close() {
        close(null);
    }

    /**
     * Drains what is queued, then stops the worker. If the worker has not finished within
     * {@code timeout} (a handler stuck in a blocking call) it is interrupted and the rest is dropped.
     *
     * @param timeout how long to wait, null for no limit
     * @return true when the worker finished draining in time
     */
    public boolean close(Duration timeout) {
        if (!closing) {
            closing = true;
            // Wakes the worker at once; with a full queue it finds `closing` when the queue runs empty.
            queue.offer(END);
        }
        if (Thread.currentThread() == worker) {
            return false;
        }
        try {
            if (timeout == null) {
                worker.join();
            } else {
                worker.join(Math.max(1, timeout.toMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            worker.interrupt();
            return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return "sink " + name + " " + state + (failure == null ? "" : " (" + failure + ")");
    }

    @SuppressWarnings("unchecked")
    private void run() {
        try {
            while (true) {
                Object item = queue.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (item == END || (item == null && closing)) {
                    state = State.CLOSED;
                    return;
                }
                if (item != null) {
                    handler.handle((T) item);
                    handled.incrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            state = State.CLOSED;
        } catch (Exception | Error e) {
            fail(e);
        }
    }

    private void fail(Throwable e) {
        failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        state = State.FAILED;
        dropped.addAndGet(queue.stream().filter(item -> item != END).count());
        queue.clear();
        try {
            onFailure.accept(e);
        } catch (RuntimeException listenerError) {
            e.addSuppressed(listenerError);
        }
    }
}
