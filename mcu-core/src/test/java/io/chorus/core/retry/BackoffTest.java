package io.chorus.core.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void doublesFromTheFirstWaitAndStopsAtTheLongest() {
        List<Long> seconds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            seconds.add(backoff.onFailure().toSeconds());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), seconds);
        assertEquals(8, backoff.failures());
    }

    @Test
    void anAttemptThatWorksStartsTheScheduleOver() {
        backoff.onFailure();
        backoff.onFailure();
        backoff.onSuccess();
        assertEquals(0, backoff.failures());
        assertEquals(Duration.ofSeconds(1), backoff.onFailure());
    }

    @Test
    void aVeryLongOutageStaysAtTheCap() {
        assertEquals(Duration.ofSeconds(30), backoff.delayAfter(Integer.MAX_VALUE));
    }

    @Test
    void rejectsZeroFailures() {
        assertThrows(IllegalArgumentException.class, () -> backoff.delayAfter(0));
    }
}
