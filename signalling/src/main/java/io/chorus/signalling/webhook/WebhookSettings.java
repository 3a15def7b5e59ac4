package io.chorus.signalling.webhook;

import static io.chorus.core.config.SettingChecks.inRange;
import static io.chorus.core.config.SettingChecks.within;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.chorus.core.config.SettingException;

/**
 * Where room events are posted and how hard delivery tries.
 *
 * @param urls           receivers, http or https; none turns webhooks off
 * @param secret         HMAC-SHA256 key (its UTF-8 bytes) of every delivery's signature
 * @param timeout        how long one attempt may take, connecting included
 * @param queueCapacity  events one receiver may have waiting; beyond, new events are dropped and counted
 * @param maxAttempts    attempts per event before it is abandoned and counted
 * @param retryFirstWait the wait after an event's first failed attempt; it doubles after each further one
 * @param retryMaxWait   the longest wait between attempts
 */
public record WebhookSettings(List<URI> urls, String secret, Duration timeout, int queueCapacity, int maxAttempts,
        Duration retryFirstWait, Duration retryMaxWait) {
    /** Each receiver has its own thread and queue, so the list is short by design. */
    public static final int MAX_URLS = 8;
    /** As for join tokens: an HMAC key shorter than its hash is a weak key. */
    public static final int MIN_SECRET_BYTES = 32;

    public WebhookSettings {
        urls = List.copyOf(urls);
        if (urls.size() > MAX_URLS) {
            throw new SettingException("urls", "may list at most " + MAX_URLS + " receivers, got " + urls.size());
        }
        Set<String> receivers = new HashSet<>();
        for (URI url : urls) {
            checkUrl(url);
            // Logs and metrics name a receiver by scheme, host and port (its path may hold a token).
            String receiver = url.getScheme() + "://" + url.getHost() + ":" + url.getPort();
            if (!receivers.add(receiver)) {
                throw new SettingException("urls", "lists two URLs on " + url.getScheme() + "://" + url.getHost()
                        + (url.getPort() < 0 ? "" : ":" + url.getPort()) + "; one receiver per scheme, host and port");
            }
        }
        if (!urls.isEmpty()) {
            int bytes = secret == null ? 0 : secret.getBytes(StandardCharsets.UTF_8).length;
            if (bytes < MIN_SECRET_BYTES) {
                throw new SettingException("secret", "must be at least " + MIN_SECRET_BYTES + " bytes when urls are "
                        + "set (receivers check every delivery's signature with it), got " + bytes);
            }
        }
        within(timeout, Duration.ofMillis(100), Duration.ofSeconds(60), "timeout");
        inRange(queueCapacity, 1, 100_000, "queueCapacity");
        inRange(maxAttempts, 1, 100, "maxAttempts");
        within(retryFirstWait, Duration.ofMillis(100), Duration.ofMinutes(5), "retryFirstWait");
        within(retryMaxWait, Duration.ofMillis(100), Duration.ofHours(1), "retryMaxWait");
        if (retryMaxWait.compareTo(retryFirstWait) < 0) {
            throw new SettingException("retryMaxWait", "must not be shorter than retryFirstWait ("
                    + retryFirstWait.toMillis() + " ms), got " + retryMaxWait.toMillis() + " ms");
        }
    }

    private static void checkUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new SettingException("urls", "must be http:// or https:// URLs, got '" + url + "'");
        }
        if (url.getHost() == null) {
            throw new SettingException("urls", "must name a host, got '" + url + "'");
        }
        if (url.getRawUserInfo() != null) {
            // Java's HTTP client never sends user info; the signature is what authenticates a delivery.
            throw new SettingException("urls", "must not carry user:password@ (it would not be sent; receivers "
                    + "check the signature instead), got a URL for " + url.getHost());
        }
    }

    public boolean enabled() {
        return !urls.isEmpty();
    }

    @Override
    public String toString() {
        return "WebhookSettings[urls=" + urls + ", secret=" + (secret == null ? "null" : "***") + ", timeout="
                + timeout + ", queueCapacity=" + queueCapacity + ", maxAttempts=" + maxAttempts + ", retryFirstWait="
                + retryFirstWait + ", retryMaxWait=" + retryMaxWait + "]";
    }
}
