package io.chorus.recorder.rtmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chorus.core.retry.Backoff;

class BroadcastSettingsTest {

    @Test
    void reconnectsAfterOneSecondDoublingToThirtyByDefault() {
        Backoff backoff = BroadcastSettings.defaults().backoff();
        List<Long> seconds = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            seconds.add(backoff.onFailure().toSeconds());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L), seconds);
    }

    @Test
    void theWaitsAreSettings() {
        BroadcastSettings fast = new BroadcastSettings(1_000_000, 128_000, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofMillis(200), Duration.ofMillis(700));
        Backoff backoff = fast.backoff();
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
