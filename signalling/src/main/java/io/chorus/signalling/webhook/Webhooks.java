package io.chorus.signalling.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.signalling.conference.Room;
import io.chorus.signalling.conference.RoomEvent;
import io.chorus.signalling.conference.RoomListener;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Posts rooms' events to the configured receivers, signed (docs/webhooks.md). A room listener: it
 * turns an event into a webhook and queues it for each receiver without blocking the room's thread.
 */
public final class Webhooks implements RoomListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);
    /** How long shutdown waits for queued events (room.finished of every room among them). */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final WebhookEvents events;
    private final Clock clock;
    private final List<WebhookEndpoint> endpoints;

    private Webhooks(WebhookEvents events, Clock clock, List<WebhookEndpoint> endpoints) {
        this.events = events;
        this.clock = clock;
        this.endpoints = endpoints;
    }

    /**
     * @param recordingDirectory where recordings are written, for the size recording.finished reports
     */
    public static Webhooks start(WebhookSettings settings, Path recordingDirectory, MeterRegistry registry,
            Clock clock) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("no webhook URLs configured");
        }
        ObjectMapper mapper = new ObjectMapper();
        WebhookSigner signer = new WebhookSigner(settings.secret().getBytes(StandardCharsets.UTF_8));
        // Redirects are not followed: the receiver is the configured URL, not wherever it points.
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        List<WebhookEndpoint> endpoints = new ArrayList<>();
        for (URI url : settings.urls()) {
            endpoints.add(new WebhookEndpoint(url, settings, signer, http, mapper, clock, registry, endpoints.size()));
        }
        endpoints.forEach(WebhookEndpoint::start);
        LOG.info("webhooks: room events are posted, signed, to {}", endpoints.stream().map(WebhookEndpoint::label)
                .toList());
        return new Webhooks(new WebhookEvents(mapper, recordingDirectory, clock.instant()), clock, List.copyOf(endpoints));
    }

    @Override
    public void onEvent(Room room, RoomEvent event) {
        Optional<WebhookEvent> webhook = events.translate(room.id(), event, clock.instant());
        if (webhook.isPresent()) {
            for (WebhookEndpoint endpoint : endpoints) {
                endpoint.offer(webhook.get());
            }
        }
    }

    /** Delivers what is queued within a few seconds (one attempt each), then stops. */
    @Override
    public void close() {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        for (WebhookEndpoint endpoint : endpoints) {
            endpoint.close(deadline);
        }
    }
}
