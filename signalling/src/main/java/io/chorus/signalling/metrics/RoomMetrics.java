package io.chorus.signalling.metrics;

import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import io.chorus.mixer.room.RoomMixerStats;
import io.chorus.signalling.conference.Conferences;
import io.chorus.signalling.conference.LeaveReason;
import io.chorus.signalling.conference.Room;
import io.chorus.signalling.conference.RoomEvent;
import io.chorus.signalling.conference.RoomListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The rooms' meters, kept as a listener of the rooms' events: server-wide counts, and per room (tag
 * {@code room}) its members, its mixer's ticks, overruns and failures (the real-time health of a
 * room) and the encoders it runs. A room's meters are removed when it closes, so closed rooms leave
 * no series behind.
 */
public final class RoomMetrics implements RoomListener {
    private final MeterRegistry registry;
    private final Counter joins;
    private final Map<LeaveReason, Counter> leaves = new EnumMap<>(LeaveReason.class);
    /** By room id; a room id may be reused as soon as its room closed, before this hears so. */
    private final Map<String, RoomMeters> perRoom = new ConcurrentHashMap<>();

    private record RoomMeters(Room room, List<Meter> meters) {
    }

    public RoomMetrics(MeterRegistry registry, Conferences rooms) {
        this.registry = registry;
        Gauge.builder("chorus.rooms", rooms, r -> r.rooms().size()).description("open conference rooms")
                .register(registry);
        Gauge.builder("chorus.participants", rooms, Conferences::participants)
                .description("members of all conference rooms").register(registry);
        this.joins = Counter.builder("chorus.joins").description("participants admitted to a room").register(registry);
        for (LeaveReason reason : LeaveReason.values()) {
            leaves.put(reason, Counter.builder("chorus.leaves").tag("reason", reason.wire())
                    .description("participants gone from a room, by why").register(registry));
        }
    }

    @Override
    public void onEvent(Room room, RoomEvent event) {
        if (event instanceof RoomEvent.Opened) {
            opened(room);
        } else if (event instanceof RoomEvent.Closed) {
            closed(room);
        } else if (event instanceof RoomEvent.ParticipantJoined) {
            joins.increment();
        } else if (event instanceof RoomEvent.ParticipantLeft left) {
            leaves.get(left.reason()).increment();
        }
    }

    private void opened(Room room) {
        // Meters of a closed room by the same id are dropped first: registering again would hand
        // back the old meters, still reading the old room.
        RoomMeters previous = perRoom.remove(room.id());
        if (previous != null) {
            previous.meters().forEach(registry::remove);
        }
        Tags tags = Tags.of("room", room.id());
        perRoom.put(room.id(), new RoomMeters(room, List.of(
                Gauge.builder("chorus.room.participants", room, Room::size).tags(tags).register(registry),
                counter("chorus.mixer.ticks", room, tags.and("kind", "audio"), RoomMixerStats::audioTicks),
                counter("chorus.mixer.ticks", room, tags.and("kind", "video"), RoomMixerStats::videoTicks),
                counter("chorus.mixer.overruns", room, tags.and("kind", "audio"), RoomMixerStats::audioOverruns),
                counter("chorus.mixer.overruns", room, tags.and("kind", "video"), RoomMixerStats::videoOverruns),
                counter("chorus.mixer.failed.ticks", room, tags, RoomMixerStats::failedTicks),
                counter("chorus.mixer.audio.decodes.skipped", room, tags, RoomMixerStats::audioDecodesSkipped),
                counter("chorus.mixer.composes.skipped", room, tags, RoomMixerStats::composesSkipped),
                counter("chorus.mixer.video.frames.refused", room, tags, RoomMixerStats::videoFramesRefused),
                gauge("chorus.room.video.encoders", room, tags, RoomMixerStats::videoEncodersOpen),
                gauge("chorus.room.audio.encoders", room, tags, RoomMixerStats::audioEncodersOpen))));
    }

    private void closed(Room room) {
        RoomMeters current = perRoom.get(room.id());
        if (current != null && current.room() == room && perRoom.remove(room.id(), current)) {
            current.meters().forEach(registry::remove);
        }
    }

    private Meter counter(String name, Room room, Tags tags, ToDoubleFunction<RoomMixerStats> value) {
        return FunctionCounter.builder(name, room, r -> value.applyAsDouble(r.mixerStats())).tags(tags)
                .register(registry);
    }

    private Meter gauge(String name, Room room, Tags tags, ToDoubleFunction<RoomMixerStats> value) {
        return Gauge.builder(name, room, r -> value.applyAsDouble(r.mixerStats())).tags(tags).register(registry);
    }
}
