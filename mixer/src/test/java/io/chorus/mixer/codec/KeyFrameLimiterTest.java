package io.chorus.mixer.codec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyFrameLimiterTest {
    private final AtomicLong clock = new AtomicLong(5_000_000_000L);
    private final KeyFrameLimiter limiter = new KeyFrameLimiter(Duration.ofMillis(500), clock::get);

    @Test
    void nothingIsDueWithoutARequest() {
        assertFalse(limiter.takeDue());
        assertFalse(limiter.pending());
    }

    @Test
    void firstRequestIsHonouredAtOnceAndOnlyOnce() {
        limiter.request();
        assertTrue(limiter.takeDue());
        assertFalse(limiter.takeDue());
    }

    @Test
    void requestsInsideTheIntervalWaitAndCollapseIntoOne() {
        limiter.request();
        assertTrue(limiter.takeDue());
        advanceMillis(100);
        limiter.request();
        limiter.request();
        assertFalse(limiter.takeDue());
        assertTrue(limiter.pending(), "remembered, not dropped");
        advanceMillis(399);
        assertFalse(limiter.takeDue());
        advanceMillis(1);
        assertTrue(limiter.takeDue());
        assertFalse(limiter.pending());
        advanceMillis(1000);
        assertFalse(limiter.takeDue(), "two requests gave one key frame");
    }

    @Test
    void anUnforcedKeyFrameSatisfiesAPendingRequestAndRestartsTheInterval() {
        limiter.request();
        limiter.keyFrameSent();
        assertFalse(limiter.pending());
        assertFalse(limiter.takeDue());
        advanceMillis(200);
        limiter.request();
        assertFalse(limiter.takeDue());
        advanceMillis(300);
        assertTrue(limiter.takeDue());
    }

    @Test
    void rejectsANegativeInterval() {
        assertThrows(IllegalArgumentException.class, () -> new KeyFrameLimiter(Duration.ofMillis(-1), clock::get));
    }

    private void advanceMillis(long millis) {
        clock.addAndGet(millis * 1_000_000);
    }
}
