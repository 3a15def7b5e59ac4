package io.chorus.signalling.metrics;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** What the HTTP/WebSocket port refused, by reason, and how many connections it holds. */
public final class ConnectionMetrics {

    /** Why a request or a connection was refused or closed. */
    public enum Refusal {
        /** A browser page from another site tried the WebSocket, the REST API or the metrics. */
        FOREIGN_ORIGIN,
        /** A REST body that is not {@code application/json}: a cross-site form cannot send JSON without asking. */
        NOT_JSON,
        /** The server holds its limit of connections. */
        TOO_MANY_CONNECTIONS,
        /** One address holds its limit of connections. */
        TOO_MANY_FROM_ADDRESS,
        /** A WebSocket client that did not read its replies. */
        SLOW_READER,
        /** A WebSocket client that sent more messages a second than allowed. */
        TOO_MANY_MESSAGES,
        /** A WebSocket that never joined a room within the join timeout. */
        NEVER_JOINED,
        /** A join whose token already holds all the sessions it allows. */
        TOKEN_IN_USE;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Map<Refusal, Counter> refused = new EnumMap<>(Refusal.class);

    private final MeterRegistry registry;

    public ConnectionMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Refusal r : Refusal.values()) {
            refused.put(r, Counter.builder("chorus.http.refused").tag("reason", r.tag())
                    .description("HTTP requests and connections refused or closed by the server's limits")
                    .register(registry));
        }
    }

    /** @param openConnections the connections the server holds now */
    public void watchOpenConnections(IntSupplier openConnections) {
        Gauge.builder("chorus.http.connections", openConnections::getAsInt)
                .description("HTTP and WebSocket connections open").register(registry);
    }

    public void refused(Refusal reason) {
        refused.get(reason).increment();
    }

    public long count(Refusal reason) {
        return (long) refused.get(reason).count();
    }
}
