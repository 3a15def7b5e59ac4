package io.chorus.mixer.codec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeyFrameLimiterTest {
    private final KeyFrameLimiter limiter = new KeyFrameLimiter(Duration.ofMillis(500));
    private long now = 5_000_000_000L;

    @Test
    void nothingIsDueWithoutARequest() {
        assertFalse(limiter.takeDue(now));
        assertFalse(limiter.pending());
    }

    @Test
    void firstRequestIsHonouredAtOnceAndOnlyOnce() {
        limiter.request();
        assertTrue(limiter.takeDue(now));
        assertFalse(limiter.takeDue(now));
    }

    @Test
    void requestsInsideTheIntervalWaitAndCollapseIntoOne() {
        limiter.request();
        assertTrue(limiter.takeDue(now));
        advanceMillis(100);
        limiter.request();
        limiter.request();
        assertFalse(limiter.takeDue(now));
        assertTrue(limiter.pending(), "remembered, not dropped");
        advanceMillis(399);
        assertFalse(limiter.takeDue(now));
        advanceMillis(1);
        assertTrue(limiter.takeDue(now));
        assertFalse(limiter.pending());
        advanceMillis(1000);
        assertFalse(limiter.takeDue(now), "two requests gave one key frame");
    }

    @Test
    void anUnforcedKeyFrameSatisfiesAPendingRequestAndRestartsTheInterval() {
        limiter.request();
        limiter.keyFrameSent(now);
        assertFalse(limiter.pending());
        assertFalse(limiter.takeDue(now));
        advanceMillis(200);
        limiter.request();
        assertFalse(limiter.takeDue(now));
        advanceMillis(300);
        assertTrue(limiter.takeDue(now));
    }

    @Test
    void rejectsANegativeInterval() {
        assertThrows(IllegalArgumentException.class, () -> new KeyFrameLimiter(Duration.ofMillis(-1)));
    }

    private void advanceMillis(long millis) {
        now += millis * 1_000_000;
    }
}
