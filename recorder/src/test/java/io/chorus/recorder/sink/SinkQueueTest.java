package io.chorus.recorder.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

import io.chorus.core.handoff.HandOffQueue;

class SinkQueueTest {
    private static final HandOffQueue.DropListener NO_LISTENER = (items, total) -> { };

    @Test
    void closeDrainsWhatIsQueuedInOrder() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        SinkQueue<Integer> sink = new SinkQueue<>("drain", HandOffQueue.dropNewest(100, NO_LISTENER), item -> {
            release.await();
            seen.add(item);
        }, e -> { });
        for (int i = 0; i < 50; i++) {
            assertTrue(sink.offer(i));
        }
        release.countDown();
        sink.close();
        assertEquals(50, seen.size());
        for (int i = 0; i < 50; i++) {
            assertEquals(i, seen.get(i));
        }
        assertEquals(SinkQueue.State.CLOSED, sink.state());
        assertFalse(sink.offer(99), "a closed sink refuses items");
        assertEquals(0, sink.dropped(), "refusals after close are not losses");
        sink.close();
    }

    @Test
    void offerNeverWaitsForABlockedHandlerAndCountsDrops() throws InterruptedException {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SinkQueue<Integer> sink = new SinkQueue<>("stuck", HandOffQueue.dropNewest(10, NO_LISTENER), item -> {
            blocked.countDown();
            release.await();
        }, e -> { });
        sink.offer(0);
        assertTrue(blocked.await(5, TimeUnit.SECONDS));
        long start = System.nanoTime();
        int accepted = 0;
        for (int i = 0; i < 1000; i++) {
            accepted += sink.offer(i) ? 1 : 0;
        }
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(10, accepted, "the queue holds its capacity, the rest is dropped");
        assertEquals(990, sink.dropped());
        assertTrue(tookMs < 200, "1000 offers to a stuck sink took " + tookMs + " ms");
        assertFalse(sink.close(Duration.ofMillis(100)), "a stuck handler is interrupted after the timeout");
        release.countDown();
    }

    @Test
    void handlerErrorEndsTheSinkFailedWithItsMessage() throws InterruptedException {
        AtomicReference<Throwable> reported = new AtomicReference<>();
        CountDownLatch failed = new CountDownLatch(1);
        SinkQueue<Integer> sink = new SinkQueue<>("disk", HandOffQueue.dropNewest(10, NO_LISTENER), item -> {
            if (item == 3) {
                throw new IOException("No space left on device");
            }
        }, e -> {
            reported.set(e);
            failed.countDown();
        });
        for (int i = 0; i < 5; i++) {
            sink.offer(i);
        }
        assertTrue(failed.await(5, TimeUnit.SECONDS));
        assertEquals(SinkQueue.State.FAILED, sink.state());
        assertEquals("No space left on device", sink.failure());
        assertEquals("No space left on device", reported.get().getMessage());
        assertEquals(3, sink.handled());
        assertFalse(sink.offer(7), "a failed sink refuses items");
        assertTrue(sink.close(Duration.ofSeconds(1)));
        assertEquals(SinkQueue.State.FAILED, sink.state(), "close keeps the failure");
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(NullPointerException.class, () -> new SinkQueue<Integer>("x", null, item -> { }, e -> { }));
        try (SinkQueue<Integer> sink = new SinkQueue<>("x", HandOffQueue.dropNewest(1, NO_LISTENER), item -> { }, e -> { })) {
            assertThrows(NullPointerException.class, () -> sink.offer(null));
        }
    }
}
