package io.chorus.recorder.sink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.chorus.core.handoff.HandOffQueue;
import io.chorus.core.handoff.SerialDrain;

/**
 * Puts a {@link HandOffQueue} and a worker thread of its own between a producer that must never
 * wait (the mixer's tick thread, a receive thread) and a consumer that may (a file on a slow disk,
 * a socket to a dead server). {@link #offer} never blocks: what does not fit is dropped by the
 * queue's policy and counted. If the handler throws, the sink ends {@link State#FAILED} with the
 * exception's message, what is queued is dropped, later items are refused, and the failure
 * listener runs once on the worker thread. {@link #close} lets the worker write what is queued,
 * then stops it.
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

    private final String name;
    private final HandOffQueue<T> queue;
    private final Handler<T> handler;
    private final Consumer<Throwable> onFailure;
    private final ThreadPoolExecutor worker;
    private final SerialDrain drain;
    private final List<Runnable> afterWorker = new ArrayList<>();
    private boolean workerEnded;
    private final AtomicLong handled = new AtomicLong();
    private volatile Thread workerThread;
    private volatile State state = State.RUNNING;
    private volatile boolean closing;
    private volatile String failure;

    /**
     * @param name      names the worker thread ("sink-" + name) and the failure messages
     * @param queue     bounds what waits for the worker and says what is dropped when it is full
     * @param onFailure runs once on the worker thread when the handler throws
     */
    public SinkQueue(String name, HandOffQueue<T> queue, Handler<T> handler, Consumer<Throwable> onFailure) {
        this.name = Objects.requireNonNull(name, "name");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), work -> {
            Thread thread = new Thread(work, "sink-" + name);
            thread.setDaemon(true);
            workerThread = thread;
            return thread;
        }) {
            @Override
            protected void terminated() {
                runAfterWorker();
            }
        };
        this.worker.prestartCoreThread();
        this.drain = new SerialDrain(worker, this::handleQueued);
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
        if (state != State.RUNNING) {
            queue.countDropped(1);
            return false;
        }
        if (!queue.offer(item)) {
            return false;
        }
        try {
            drain.signal();
        } catch (RejectedExecutionException closedMeanwhile) {
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

    /** Items dropped because the queue was full or the sink had failed, plus those queued at the failure. */
    public long dropped() {
        return queue.dropped();
    }

    /** Items the handler consumed successfully. */
    public long handled() {
        return handled.get();
    }

    /** Items waiting for the worker. */
    public int queued() {
        return queue.size();
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
        closing = true;
        worker.shutdown();
        if (Thread.currentThread() == workerThread) {
            return false;
        }
        boolean finished;
        try {
            finished = worker.awaitTermination(timeout == null ? Long.MAX_VALUE : Math.max(1, timeout.toMillis()),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            worker.shutdownNow();
            queue.discard();
        }
        if (state == State.RUNNING) {
            state = State.CLOSED;
        }
        return finished;
    }

    /**
     * Runs {@code cleanup} once the worker has ended: at once if it has, else on the worker as it
     * ends. For what the handler may still be using after {@link #close(Duration)} gave up on it (a
     * native muxer in a write that a stalled disk holds), so that it is freed only when unused.
     */
    public void afterWorker(Runnable cleanup) {
        synchronized (afterWorker) {
            if (!workerEnded) {
                afterWorker.add(cleanup);
                return;
            }
        }
        cleanup.run();
    }

    private void runAfterWorker() {
        List<Runnable> cleanups;
        synchronized (afterWorker) {
            workerEnded = true;
            cleanups = List.copyOf(afterWorker);
            afterWorker.clear();
        }
        cleanups.forEach(Runnable::run);
    }

    @Override
    public String toString() {
        return "sink " + name + " " + state + (failure == null ? "" : " (" + failure + ")");
    }

    private void handleQueued() {
        T item;
        while (state == State.RUNNING && (item = queue.poll()) != null) {
            try {
                handler.handle(item);
                handled.incrementAndGet();
            } catch (InterruptedException e) {
                // Only close() interrupts the worker, once its timeout has passed.
                state = State.CLOSED;
                queue.discard();
            } catch (Exception | Error e) {
                fail(e);
            }
        }
    }

    private void fail(Throwable e) {
        failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        state = State.FAILED;
        queue.discard();
        try {
            onFailure.accept(e);
        } catch (RuntimeException listenerError) {
            e.addSuppressed(listenerError);
        }
    }
}
