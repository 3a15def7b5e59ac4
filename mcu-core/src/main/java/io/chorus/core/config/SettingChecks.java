package io.chorus.core.config;

import java.time.Duration;

/**
 * The range checks every module's settings record makes in its constructor, so that each range is
 * written once, where the value is used, and every refusal reads the same way.
 */
public final class SettingChecks {
    private SettingChecks() {
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new SettingException(field, "is required");
        }
        return value;
    }

    public static int inRange(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new SettingException(field, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    public static int positive(int value, String field) {
        if (value <= 0) {
            throw new SettingException(field, "must be positive, got " + value);
        }
        return value;
    }

    /** A picture side: 4:2:0 encoders need it even. */
    public static int evenSide(int value, int min, int max, String field) {
        if (value < min || value > max || value % 2 != 0) {
            throw new SettingException(field, "must be an even number of pixels from " + min + " to " + max
                    + ", got " + value);
        }
        return value;
    }

    public static Duration within(Duration value, Duration min, Duration max, String field) {
        required(value, field);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new SettingException(field, "must be from " + text(min) + " to " + text(max) + ", got " + text(value));
        }
        return value;
    }

    public static Duration notNegative(Duration value, String field) {
        required(value, field);
        if (value.isNegative()) {
            throw new SettingException(field, "must not be negative, got " + text(value));
        }
        return value;
    }

    /** As the configuration writes durations: 500ms, 2s, 5m. */
    static String text(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
