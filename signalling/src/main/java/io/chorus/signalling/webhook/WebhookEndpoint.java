package io.chorus.signalling.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.core.retry.Backoff;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * One receiver: a bounded queue and the one thread that posts its events in order. An event is
 * retried (with backoff) until the receiver answers 2xx or the attempts run out, and the events
 * behind it wait: a receiver sees participant.joined before participant.left. Nothing here blocks
 * the room that raised an event; a full queue drops the new event and counts it.
 */
final class WebhookEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookEndpoint.class);

    private final URI url;
    /** scheme://host:port: the URL's path or query may hold a receiver's token, which logs and metrics must not. */
    private final String label;
    private final WebhookSettings settings;
    private final WebhookSigner signer;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final BlockingQueue<WebhookEvent> queue;
    private final Backoff backoff;
    private final Thread worker;
    private final MeterRegistry registry;
    private final Meter queued;
    private final Counter delivered;
    private final Counter abandoned;
    private final Counter dropped;
    private final Counter failedAttempts;
    private final AtomicBoolean overflowing = new AtomicBoolean();
    /** How often an idle worker looks whether close() was called. */
    private static final long IDLE_POLL_MS = 200;

    /** Set by close(): remaining events get one attempt each and no waits, until the deadline. */
    private volatile long drainDeadlineNanos = Long.MAX_VALUE;
    private volatile boolean closing;
    private final CountDownLatch closed = new CountDownLatch(1);

    WebhookEndpoint(URI url, WebhookSettings settings, WebhookSigner signer, HttpClient http, ObjectMapper mapper,
            Clock clock, MeterRegistry registry, int index) {
        this.url = url;
        this.label = url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
        this.settings = settings;
        this.signer = signer;
        this.http = http;
        this.mapper = mapper;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.backoff = new Backoff(settings.retryFirstWait(), settings.retryMaxWait());
        this.registry = registry;
        Tags tags = Tags.of("receiver", label);
        this.queued = Gauge.builder("chorus.webhook.queued", queue, BlockingQueue::size).tags(tags)
                .description("events waiting for a webhook receiver").register(registry);
        this.delivered = outcome("delivered", tags);
        this.abandoned = outcome("abandoned", tags);
        this.dropped = outcome("dropped", tags);
        this.failedAttempts = Counter.builder("chorus.webhook.attempts.failed").tags(tags)
                .description("webhook posts that failed (no answer, or not 2xx) and were retried or abandoned")
                .register(registry);
        this.worker = new Thread(this::run, "chorus-webhook-" + index);
        worker.setDaemon(true);
    }

    private Counter outcome(String outcome, Tags tags) {
        return Counter.builder("chorus.webhook.events").tags(tags.and("outcome", outcome))
                .description("webhook events by outcome: delivered (2xx), abandoned (attempts used up or shut "
                        + "down), dropped (queue full)").register(registry);
    }

    void start() {
        worker.start();
    }

    String label() {
        return label;
    }

    /** Queues an event; never blocks. False (and counted) when the receiver is too far behind. */
    boolean offer(WebhookEvent event) {
        if (!closing && queue.offer(event)) {
            return true;
        }
        dropped.increment();
        if (overflowing.compareAndSet(false, true)) {
            LOG.warn("webhook receiver {}: {} events are waiting, all it may (webhooks.queueCapacity); new events are "
                    + "dropped and counted (chorus_webhook_events_total{{outcome=\"dropped\"}}) until it catches up",
                    label, settings.queueCapacity());
        }
        return false;
    }

    private void run() {
        while (true) {
            WebhookEvent event;
            try {
                event = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (event == null) {
                if (closing) {
                    return;
                }
                continue;
            }
            try {
                deliver(event);
            } catch (RuntimeException e) {
                // A bug in building or posting one event must not silence the receiver for good.
                abandoned.increment();
                LOG.error("webhook receiver {}: {} abandoned: unexpected failure", label, event, e);
            }
            if (queue.isEmpty() && overflowing.compareAndSet(true, false)) {
                LOG.info("webhook receiver {} caught up; events are queued again", label);
            }
        }
    }

    /** Posts one event until it is accepted, its attempts run out, or shutdown leaves no time. */
    private void deliver(WebhookEvent event) {
        if (System.nanoTime() > drainDeadlineNanos) {
            abandoned.increment();
            return;
        }
        for (int attempt = 1; ; attempt++) {
            String problem = post(event);
            if (problem == null) {
                backoff.onSuccess();
                delivered.increment();
                return;
            }
            failedAttempts.increment();
            boolean last = attempt >= settings.maxAttempts() || closing;
            if (last) {
                abandoned.increment();
                LOG.warn("webhook receiver {}: gave up on {} after {} attempt(s){}: {}", label, event, attempt,
                        closing ? " (shutting down)" : "", problem);
                return;
            }
            Duration wait = backoff.onFailure();
            LOG.info("webhook receiver {}: {} attempt {} failed ({}); retrying in {} ms", label, event, attempt,
                    problem, wait.toMillis());
            try {
                // close() ends the wait early; the loop then makes the last attempt.
                closed.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandoned.increment();
                return;
            }
        }
    }

    /** One attempt; null when the receiver took it, otherwise what went wrong. */
    private String post(WebhookEvent event) {
        byte[] body = event.body(mapper);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Chorus-Webhooks")
                .header("webhook-id", event.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signer.signature(event.id(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        // The request's own timeout ends once headers arrive; this one also covers a body that trickles.
        CompletableFuture<HttpResponse<Void>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            int status = sent.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS).statusCode();
            return status / 100 == 2 ? null : "HTTP " + status;
        } catch (ExecutionException e) {
            return e.getCause().toString();
        } catch (TimeoutException e) {
            sent.cancel(true);
            return "no complete answer within " + settings.timeout().toMillis() + " ms";
        } catch (InterruptedException e) {
            sent.cancel(true);
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Stops taking events and gives the queued ones one attempt each, no waits, until
     * {@code deadlineNanos}; what is left then is abandoned and counted.
     */
    void close(long deadlineNanos) {
        drainDeadlineNanos = deadlineNanos;
        closing = true;
        closed.countDown();
        try {
            // An attempt in flight at the deadline still has its own timeout to finish in.
            worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())
                    + settings.timeout().toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = queue.size();
        queue.clear();
        if (left > 0 || worker.isAlive()) {
            abandoned.increment(left);
            LOG.warn("webhook receiver {}: shutting down with {} event(s) undelivered (counted as abandoned)", label,
                    left);
        }
        registry.remove(queued);
    }
}
