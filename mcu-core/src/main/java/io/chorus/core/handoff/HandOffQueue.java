package io.chorus.core.handoff;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The bounded queue between a thread that must never wait (a receive thread, a mixer tick) and one
 * consumer that may be slower. {@link #offer} never blocks and never grows the queue past its
 * capacity: what does not fit is dropped by the queue's {@link DropPolicy} and counted, and the
 * drop listener runs on the producer's thread, outside the queue's lock.
 *
 * <p>The lock is held only to move references in and out, never across the consumer's work, so a
 * producer waits at most for another thread's offer or poll.
 *
 * @param <T> what is handed off (frames, packets)
 */
public final class HandOffQueue<T> {

    /** How an item stands to the items after it, for {@link DropPolicy#SKIP_TO_KEY_FRAME}. */
    public enum Dependency {
        /** Decodable on its own and needed by nothing else (audio beside video). */
        INDEPENDENT,
        /** Starts a new chain: later frames decode from here. */
        KEY_FRAME,
        /** Needs every frame since the last key frame. */
        DELTA_FRAME
    }

    /** Told on the producer's thread, outside the lock, each time items are dropped. */
    @FunctionalInterface
    public interface DropListener {
        /**
         * @param items        dropped by this offer
         * @param totalDropped dropped by this queue so far
         */
        void dropped(int items, long totalDropped);
    }

    private final int capacity;
    private final DropPolicy policy;
    private final Function<? super T, Dependency> dependency;
    private final DropListener listener;
    private final ArrayDeque<T> items;
    private final AtomicLong dropped = new AtomicLong();
    private boolean skippingToKeyFrame;

    private HandOffQueue(int capacity, DropPolicy policy, Function<? super T, Dependency> dependency,
            DropListener listener) {
        if (capacity < 1) {
            throw new IllegalArgumentException("hand-off queue capacity must be >= 1: " + capacity);
        }
        this.capacity = capacity;
        this.policy = policy;
        this.dependency = dependency;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.items = new ArrayDeque<>(capacity);
    }

    /** A queue that refuses what does not fit. */
    public static <T> HandOffQueue<T> dropNewest(int capacity, DropListener listener) {
        return new HandOffQueue<>(capacity, DropPolicy.DROP_NEWEST, item -> Dependency.INDEPENDENT, listener);
    }

    /** A queue that drops its oldest item to make room. */
    public static <T> HandOffQueue<T> dropOldest(int capacity, DropListener listener) {
        return new HandOffQueue<>(capacity, DropPolicy.DROP_OLDEST, item -> Dependency.INDEPENDENT, listener);
    }

    /** A queue of frames that, once full, skips to the next key frame; {@code dependency} classifies each item. */
    public static <T> HandOffQueue<T> skipToKeyFrame(int capacity, Function<? super T, Dependency> dependency,
            DropListener listener) {
        return new HandOffQueue<>(capacity, DropPolicy.SKIP_TO_KEY_FRAME, Objects.requireNonNull(dependency,
                "dependency"), listener);
    }

    /**
     * Queues an item without waiting.
     *
     * @return whether this item was queued (other items may have been dropped to make room for it)
     */
    public boolean offer(T item) {
        Objects.requireNonNull(item, "item");
        int droppedNow;
        boolean queued;
        synchronized (items) {
            Dependency kind = policy == DropPolicy.SKIP_TO_KEY_FRAME ? dependency.apply(item) : Dependency.INDEPENDENT;
            if (kind == Dependency.KEY_FRAME) {
                skippingToKeyFrame = false;
            }
            if (skippingToKeyFrame && kind == Dependency.DELTA_FRAME) {
                droppedNow = 1;
                queued = false;
            } else if (items.size() < capacity) {
                items.addLast(item);
                droppedNow = 0;
                queued = true;
            } else {
                switch (policy) {
                    case DROP_NEWEST -> {
                        droppedNow = 1;
                        queued = false;
                    }
                    case DROP_OLDEST -> {
                        items.pollFirst();
                        items.addLast(item);
                        droppedNow = 1;
                        queued = true;
                    }
                    default -> {
                        int removedFrames = dropQueuedFrames();
                        queued = kind != Dependency.DELTA_FRAME && items.size() < capacity;
                        if (queued) {
                            items.addLast(item);
                        }
                        droppedNow = removedFrames + (queued ? 0 : 1);
                        if (kind == Dependency.KEY_FRAME && queued) {
                            skippingToKeyFrame = false;
                        } else if (removedFrames > 0 || kind != Dependency.INDEPENDENT) {
                            skippingToKeyFrame = true;
                        }
                    }
                }
            }
        }
        if (droppedNow > 0) {
            listener.dropped(droppedNow, dropped.addAndGet(droppedNow));
        }
        return queued;
    }

    /** Removes the queued frames, key or delta, keeping independent items; called holding the lock. */
    private int dropQueuedFrames() {
        int removed = 0;
        for (Iterator<T> it = items.iterator(); it.hasNext(); ) {
            if (dependency.apply(it.next()) != Dependency.INDEPENDENT) {
                it.remove();
                removed++;
            }
        }
        return removed;
    }

    /** Consumer side: the oldest item, or null when none is queued. */
    public T poll() {
        synchronized (items) {
            return items.pollFirst();
        }
    }

    public int size() {
        synchronized (items) {
            return items.size();
        }
    }

    /** Items dropped so far, by the policy or by {@link #discard()}. */
    public long dropped() {
        return dropped.get();
    }

    /** Empties the queue counting what it held as dropped: for a consumer that failed and will take nothing more. */
    public int discard() {
        int removed;
        synchronized (items) {
            removed = items.size();
            items.clear();
        }
        if (removed > 0) {
            dropped.addAndGet(removed);
        }
        return removed;
    }

    /** Counts items that never reached the queue because its consumer can take nothing more. */
    public void countDropped(int items) {
        dropped.addAndGet(items);
    }

    /** Empties the queue without counting: for a consumer that closes and no longer wants what is queued. */
    public void clear() {
        synchronized (items) {
            items.clear();
        }
    }
}
