package io.chorus.signalling.metrics;

import io.chorus.core.ice.MediaPortStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/** What the shared media port refused or survived: the traces of a flood or of a bug. */
public final class MediaPortMetrics {
    private MediaPortMetrics() {
    }

    public static void bind(MeterRegistry registry, MediaPortStats stats) {
        FunctionCounter.builder("chorus.media.port.unauthenticated.addresses", stats,
                MediaPortStats::unauthenticatedAddresses)
                .description("new source addresses ignored: their Binding Request failed the integrity check")
                .register(registry);
        FunctionCounter.builder("chorus.media.port.addresses.over.limit", stats, MediaPortStats::addressesOverLimit)
                .description("new source addresses refused: their session already had its limit of addresses")
                .register(registry);
        FunctionCounter.builder("chorus.media.port.candidates.over.limit", stats, MediaPortStats::candidatesOverLimit)
                .description("remote candidates refused: their session already had its limit of candidates")
                .register(registry);
        FunctionCounter.builder("chorus.media.port.receive.failures", stats, MediaPortStats::receiveFailures)
                .description("received packets dropped because handling them threw").register(registry);
        FunctionCounter.builder("chorus.media.port.receive.restarts", stats, MediaPortStats::receiveLoopRestarts)
                .description("times the media port's receive thread died and the port was reopened")
                .register(registry);
    }
}
