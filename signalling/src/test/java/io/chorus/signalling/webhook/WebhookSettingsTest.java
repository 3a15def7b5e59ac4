package io.chorus.signalling.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chorus.core.config.SettingException;

class WebhookSettingsTest {
    private static final String SECRET = "a-webhook-secret-of-at-least-32-bytes";

    private static WebhookSettings with(List<URI> urls, String secret) {
        return new WebhookSettings(urls, secret, Duration.ofSeconds(5), 1000, 10, Duration.ofSeconds(1),
                Duration.ofSeconds(60));
    }

    private static String refusedField(List<URI> urls, String secret) {
        return assertThrows(SettingException.class, () -> with(urls, secret)).field();
    }

    @Test
    void noUrlsMeansOffAndNeedsNoSecret() {
        assertFalse(with(List.of(), null).enabled());
        assertTrue(with(List.of(URI.create("https://app.example.com/hook")), SECRET).enabled());
    }

    @Test
    void refusesWhatCouldNotBeDeliveredOrVerified() {
        URI good = URI.create("https://app.example.com/hook");
        assertEquals("secret", refusedField(List.of(good), null));
        assertEquals("secret", refusedField(List.of(good), "only-31-bytes-long-secret-xxxxx"));
        assertEquals("urls", refusedField(List.of(URI.create("ftp://app.example.com/hook")), SECRET));
        assertEquals("urls", refusedField(List.of(URI.create("/relative/hook")), SECRET));
        assertEquals("urls", refusedField(List.of(URI.create("https://user:pass@app.example.com/hook")), SECRET));
        assertEquals("urls", refusedField(Collections.nCopies(WebhookSettings.MAX_URLS + 1, good), SECRET));
        assertEquals("urls", refusedField(List.of(URI.create("https://app.example.com/a"),
                URI.create("https://app.example.com/b")), SECRET), "two receivers would share their metrics");
        assertEquals("retryMaxWait", assertThrows(SettingException.class, () -> new WebhookSettings(List.of(good),
                SECRET, Duration.ofSeconds(5), 10, 3, Duration.ofSeconds(10), Duration.ofSeconds(5))).field());
        assertEquals("queueCapacity", assertThrows(SettingException.class, () -> new WebhookSettings(List.of(good),
                SECRET, Duration.ofSeconds(5), 0, 3, Duration.ofSeconds(1), Duration.ofSeconds(5))).field());
    }

    @Test
    void theSecretStaysOutOfLogs() {
        assertFalse(with(List.of(URI.create("https://app.example.com/hook")), SECRET).toString().contains(SECRET));
    }
}
