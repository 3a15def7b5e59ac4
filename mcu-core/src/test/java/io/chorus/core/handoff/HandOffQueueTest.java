package io.chorus.core.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.chorus.core.handoff.HandOffQueue.Dependency;

class HandOffQueueTest {

    /** A test frame: "K3" is key frame 3, "D4" delta frame 4, "A5" audio packet 5. */
    private static Dependency dependency(String item) {
        return switch (item.charAt(0)) {
            case 'K' -> Dependency.KEY_FRAME;
            case 'D' -> Dependency.DELTA_FRAME;
            default -> Dependency.INDEPENDENT;
        };
    }

    private static List<String> drain(HandOffQueue<String> queue) {
        List<String> out = new ArrayList<>();
        String item;
        while ((item = queue.poll()) != null) {
            out.add(item);
        }
        return out;
    }

    @Test
    void dropNewestKeepsWhatIsQueuedAndRefusesTheRest() {
        List<String> told = new ArrayList<>();
        HandOffQueue<String> queue = HandOffQueue.dropNewest(3, (items, total) -> told.add(items + "/" + total));
        for (String item : List.of("a", "b", "c")) {
            assertTrue(queue.offer(item));
        }
        assertFalse(queue.offer("d"));
        assertFalse(queue.offer("e"));
        assertEquals(List.of("a", "b", "c"), drain(queue));
        assertEquals(2, queue.dropped());
        assertEquals(List.of("1/1", "1/2"), told);
        assertTrue(queue.offer("f"), "room again once the consumer took items");
    }

    @Test
    void dropOldestKeepsTheLatest() {
        HandOffQueue<String> queue = HandOffQueue.dropOldest(3, (items, total) -> { });
        for (String item : List.of("a", "b", "c", "d", "e")) {
            assertTrue(queue.offer(item));
        }
        assertEquals(List.of("c", "d", "e"), drain(queue));
        assertEquals(2, queue.dropped());
    }

    @Test
    void skipToKeyFrameDropsQueuedFramesAndDeltasUntilTheNextKeyFrameButKeepsAudio() {
        AtomicInteger asked = new AtomicInteger();
        HandOffQueue<String> queue = HandOffQueue.skipToKeyFrame(4, HandOffQueueTest::dependency,
                (items, total) -> asked.incrementAndGet());
        for (String item : List.of("K1", "A1", "D2", "D3")) {
            assertTrue(queue.offer(item));
        }
        assertFalse(queue.offer("D4"), "the queue is full: the frames queued and this one go");
        assertEquals(1, queue.size(), "audio keeps its place");
        assertTrue(queue.offer("A2"));
        assertFalse(queue.offer("D5"), "a delta after the gap could not be decoded");
        assertTrue(queue.offer("K6"));
        assertTrue(queue.offer("D7"), "the chain starts again at the key frame");
        assertEquals(List.of("A1", "A2", "K6", "D7"), drain(queue));
        assertEquals(5, queue.dropped(), "K1 D2 D3 D4 D5");
        assertEquals(2, asked.get(), "the producer is told at each drop, to ask for the key frame");
    }

    @Test
    void aKeyFrameOfferedToAFullQueueReplacesTheQueuedFrames() {
        HandOffQueue<String> queue = HandOffQueue.skipToKeyFrame(3, HandOffQueueTest::dependency, (items, total) -> { });
        for (String item : List.of("K1", "D2", "D3", "K4")) {
            queue.offer(item);
        }
        assertTrue(queue.offer("D5"), "no skipping: the key frame that overflowed was queued");
        assertEquals(List.of("K4", "D5"), drain(queue));
        assertEquals(3, queue.dropped());
    }

    @Test
    void aQueueFullOfAudioRefusesMoreAudioAndFramesWithoutLosingIt() {
        HandOffQueue<String> queue = HandOffQueue.skipToKeyFrame(2, HandOffQueueTest::dependency, (items, total) -> { });
        queue.offer("A1");
        queue.offer("A2");
        assertFalse(queue.offer("A3"));
        assertFalse(queue.offer("K4"), "no room even for a key frame");
        assertEquals(List.of("A1", "A2"), drain(queue));
        assertFalse(queue.offer("D5"), "the key frame was lost, so its deltas are useless");
        assertTrue(queue.offer("K6"));
        assertEquals(3, queue.dropped(), "A3 K4 D5");
    }

    @Test
    void discardCountsWhatWasQueuedAndClearDoesNot() {
        HandOffQueue<String> queue = HandOffQueue.dropNewest(5, (items, total) -> { });
        queue.offer("a");
        queue.offer("b");
        assertEquals(2, queue.discard());
        assertEquals(2, queue.dropped());
        queue.offer("c");
        queue.clear();
        assertNull(queue.poll());
        assertEquals(2, queue.dropped());
        queue.countDropped(3);
        assertEquals(5, queue.dropped());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> HandOffQueue.dropNewest(0, (items, total) -> { }));
        assertThrows(NullPointerException.class, () -> HandOffQueue.dropOldest(1, null));
        assertThrows(NullPointerException.class, () -> HandOffQueue.<String>skipToKeyFrame(1, null, (items, total) -> { }));
        assertThrows(NullPointerException.class, () -> HandOffQueue.dropNewest(1, (items, total) -> { }).offer(null));
    }

    @Test
    void producersAndOneSerialConsumerLoseNothingThatWasQueued() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        HandOffQueue<Integer> queue = HandOffQueue.dropNewest(64, (items, total) -> { });
        AtomicInteger consumed = new AtomicInteger();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        SerialDrain drain = new SerialDrain(pool, () -> {
            if (concurrent.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            while (queue.poll() != null) {
                consumed.incrementAndGet();
            }
            concurrent.decrementAndGet();
        });
        AtomicInteger queued = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(2);
        for (int p = 0; p < 2; p++) {
            new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    if (queue.offer(i)) {
                        queued.incrementAndGet();
                        drain.signal();
                    }
                }
                done.countDown();
            }).start();
        }
        assertTrue(done.await(20, TimeUnit.SECONDS));
        pool.shutdown();
        assertTrue(pool.awaitTermination(20, TimeUnit.SECONDS));
        assertEquals(queued.get(), consumed.get());
        assertEquals(40_000, queued.get() + queue.dropped());
        assertEquals(0, overlaps.get(), "the consumer never ran on two threads at once");
    }

    @Test
    void aConsumerThatThrowsDoesNotStopTheDrain() throws InterruptedException {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch second = new CountDownLatch(2);
        SerialDrain drain = new SerialDrain(pool, () -> {
            runs.incrementAndGet();
            second.countDown();
            throw new StackOverflowError("a consumer failing hard");
        });
        drain.signal();
        Thread.sleep(50);
        drain.signal();
        assertTrue(second.await(5, TimeUnit.SECONDS));
        pool.shutdown();
        assertEquals(2, runs.get());
    }
}
