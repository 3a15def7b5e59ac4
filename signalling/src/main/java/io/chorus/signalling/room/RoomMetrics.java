package io.chorus.signalling.room;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import io.chorus.mixer.room.RoomMixerStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The rooms' meters: server-wide counts, and per room (tag {@code room}) its members, its mixer's
 * ticks, overruns and failures (the real-time health of a room) and the encoders it runs. A room's
 * meters are removed when it closes, so closed rooms leave no series behind.
 */
final class RoomMetrics {
    private final MeterRegistry registry;
    private final Counter joins;
    private final Counter leaves;
    private final Map<String, List<Meter>> perRoom = new ConcurrentHashMap<>();

    RoomMetrics(MeterRegistry registry, RoomRegistry rooms) {
        this.registry = registry;
        Gauge.builder("chorus.rooms", rooms, r -> r.rooms().size()).description("open conference rooms")
                .register(registry);
        Gauge.builder("chorus.participants", rooms, RoomRegistry::participants)
                .description("members of all conference rooms").register(registry);
        this.joins = Counter.builder("chorus.joins").description("participants admitted to a room").register(registry);
        this.leaves = Counter.builder("chorus.leaves").description("participants gone from a room").register(registry);
    }

    void joined() {
        joins.increment();
    }

    void left() {
        leaves.increment();
    }

    void opened(ConferenceRoom room) {
        Tags tags = Tags.of("room", room.id());
        perRoom.put(room.id(), List.of(
                Gauge.builder("chorus.room.participants", room, ConferenceRoom::size).tags(tags).register(registry),
                counter("chorus.mixer.ticks", room, tags.and("kind", "audio"), RoomMixerStats::audioTicks),
                counter("chorus.mixer.ticks", room, tags.and("kind", "video"), RoomMixerStats::videoTicks),
                counter("chorus.mixer.overruns", room, tags.and("kind", "audio"), RoomMixerStats::audioOverruns),
                counter("chorus.mixer.overruns", room, tags.and("kind", "video"), RoomMixerStats::videoOverruns),
                counter("chorus.mixer.failed.ticks", room, tags, RoomMixerStats::failedTicks),
                counter("chorus.mixer.audio.decodes.skipped", room, tags, RoomMixerStats::audioDecodesSkipped),
                counter("chorus.mixer.composes.skipped", room, tags, RoomMixerStats::composesSkipped),
                gauge("chorus.room.video.encoders", room, tags, RoomMixerStats::videoEncodersOpen),
                gauge("chorus.room.audio.encoders", room, tags, RoomMixerStats::audioEncodersOpen)));
    }

    void closed(ConferenceRoom room) {
        List<Meter> meters = perRoom.remove(room.id());
        if (meters != null) {
            meters.forEach(registry::remove);
        }
    }

    private Meter counter(String name, ConferenceRoom room, Tags tags, ToDoubleFunction<RoomMixerStats> value) {
        return FunctionCounter.builder(name, room, r -> value.applyAsDouble(r.mixerStats())).tags(tags)
                .register(registry);
    }

    private Meter gauge(String name, ConferenceRoom room, Tags tags, ToDoubleFunction<RoomMixerStats> value) {
        return Gauge.builder(name, room, r -> value.applyAsDouble(r.mixerStats())).tags(tags).register(registry);
    }
}
