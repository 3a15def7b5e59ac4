package io.chorus.recorder.rtmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    @Test
    void doublesFromOneSecondAndStopsAtThirty() {
        ReconnectBackoff backoff = new ReconnectBackoff();
        List<Long> seconds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            seconds.add(backoff.onFailure().toSeconds());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), seconds);
        assertEquals(8, backoff.failures());
    }

    @Test
    void aWorkingConnectionStartsTheScheduleOver() {
        ReconnectBackoff backoff = new ReconnectBackoff();
        backoff.onFailure();
        backoff.onFailure();
        backoff.onSuccess();
        assertEquals(0, backoff.failures());
        assertEquals(Duration.ofSeconds(1), backoff.onFailure());
    }

    @Test
    void aVeryLongOutageStaysAtTheCap() {
        assertEquals(ReconnectBackoff.CAP, ReconnectBackoff.delayAfter(Integer.MAX_VALUE));
    }

    @Test
    void rejectsZeroFailures() {
        assertThrows(IllegalArgumentException.class, () -> ReconnectBackoff.delayAfter(0));
    }
}
