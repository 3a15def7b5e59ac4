package io.chorus.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SettingChecksTest {

    @Test
    void refusalsNameTheFieldAndSayWhatIsWrongInOneForm() {
        assertRefused("fps", "must be between 1 and 60, got 61", () -> SettingChecks.inRange(61, 1, 60, "fps"));
        assertRefused("maxRooms", "must be positive, got 0", () -> SettingChecks.positive(0, "maxRooms"));
        assertRefused("width", "must be an even number of pixels from 16 to 3840, got 641",
                () -> SettingChecks.evenSide(641, 16, 3840, "width"));
        assertRefused("width", "must be an even number of pixels from 16 to 3840, got 14",
                () -> SettingChecks.evenSide(14, 16, 3840, "width"));
        assertRefused("ioTimeout", "must be from 500ms to 1m, got 90s",
                () -> SettingChecks.within(Duration.ofSeconds(90), Duration.ofMillis(500), Duration.ofMinutes(1),
                        "ioTimeout"));
        assertRefused("grace", "must not be negative, got -1500ms",
                () -> SettingChecks.notNegative(Duration.ofMillis(-1500), "grace"));
        assertRefused("directory", "is required", () -> SettingChecks.required(null, "directory"));
        assertRefused("ioTimeout", "is required",
                () -> SettingChecks.within(null, Duration.ZERO, Duration.ofSeconds(1), "ioTimeout"));
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        assertEquals(1, SettingChecks.inRange(1, 1, 60, "fps"));
        assertEquals(60, SettingChecks.inRange(60, 1, 60, "fps"));
        assertEquals(16, SettingChecks.evenSide(16, 16, 3840, "width"));
        assertEquals(3840, SettingChecks.evenSide(3840, 16, 3840, "width"));
        assertEquals(Duration.ofMinutes(1), SettingChecks.within(Duration.ofMinutes(1), Duration.ofMillis(500),
                Duration.ofMinutes(1), "ioTimeout"));
        assertEquals(Duration.ZERO, SettingChecks.notNegative(Duration.ZERO, "grace"));
    }

    private static void assertRefused(String field, String problem, Runnable check) {
        SettingException e = assertThrows(SettingException.class, check::run);
        assertEquals(field, e.field());
        assertEquals(problem, e.problem());
        assertEquals(field + " " + problem, e.getMessage());
    }
}
