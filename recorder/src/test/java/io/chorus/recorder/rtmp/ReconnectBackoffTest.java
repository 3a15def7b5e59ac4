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
        ReconnectBackoff backoff = BroadcastSettings.defaults().backoff();
        List<Long> seconds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            seconds.add(backoff.onFailure().toSeconds());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), seconds);
        assertEquals(8, backoff.failures());
    }

    @Test
    void aWorkingConnectionStartsTheScheduleOver() {
        ReconnectBackoff backoff = BroadcastSettings.defaults().backoff();
        backoff.onFailure();
        backoff.onFailure();
        backoff.onSuccess();
        assertEquals(0, backoff.failures());
        assertEquals(Duration.ofSeconds(1), backoff.onFailure());
    }

    @Test
    void aVeryLongOutageStaysAtTheCap() {
        assertEquals(Duration.ofSeconds(30), BroadcastSettings.defaults().backoff().delayAfter(Integer.MAX_VALUE));
    }

    @Test
    void rejectsZeroFailures() {
        assertThrows(IllegalArgumentException.class, () -> BroadcastSettings.defaults().backoff().delayAfter(0));
    }

    @Test
    void theWaitsAreSettings() {
        BroadcastSettings fast = new BroadcastSettings(1_000_000, 128_000, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofMillis(200), Duration.ofMillis(700));
        ReconnectBackoff backoff = fast.backoff();
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            millis.add(backoff.onFailure().toMillis());
        }
        assertEquals(List.of(200L, 400L, 700L, 700L), millis);
        assertThrows(IllegalArgumentException.class, () -> new BroadcastSettings(1_000_000, 128_000,
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(5)),
                "the longest wait cannot be shorter than the first");
    }
}
