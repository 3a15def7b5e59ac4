package io.chorus.signalling.webhook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.chorus.signalling.conference.BroadcastStatus;
import io.chorus.signalling.conference.RecordingStatus;
import io.chorus.signalling.conference.RoomEvent;
import io.chorus.signalling.recordings.RecordingEntry;

/**
 * Which room events become webhooks, and what each one says (docs/webhooks.md): room started and
 * finished, participant joined and left, recording started, finished and failed, broadcast state
 * changes. Speaker, layout, tier and mute changes stay inside the room: they come many times a
 * minute and an application reads them from the REST API when it needs them.
 */
final class WebhookEvents {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookEvents.class);

    private final ObjectMapper mapper;
    private final Path recordingDirectory;
    /** Ids unique across restarts without a random source: this process's start, then a counter. */
    private final String idPrefix;
    private final AtomicLong sequence = new AtomicLong();
    /** Display names by room and participant id, so that participant.left says who left. */
    private final Map<String, String> names = new ConcurrentHashMap<>();

    WebhookEvents(ObjectMapper mapper, Path recordingDirectory, Instant start) {
        this.mapper = mapper;
        this.recordingDirectory = recordingDirectory;
        this.idPrefix = "evt_" + Long.toString(start.toEpochMilli(), 36) + "_";
    }

    /** The webhook a room event becomes, if any; cheap, so that the room's thread may call it. */
    Optional<WebhookEvent> translate(String roomId, RoomEvent event, Instant at) {
        ObjectNode data = mapper.createObjectNode().put("room", roomId);
        if (event instanceof RoomEvent.Opened) {
            return of("room.started", at, data);
        }
        if (event instanceof RoomEvent.Closed closed) {
            names.keySet().removeIf(key -> key.startsWith(roomId + "/"));
            return of("room.finished", at, data.put("reason", closed.reason()));
        }
        if (event instanceof RoomEvent.ParticipantJoined joined) {
            names.put(roomId + "/" + joined.participant().id(), joined.participant().name());
            data.putObject("participant").put("id", joined.participant().id()).put("name", joined.participant().name());
            return of("participant.joined", at, data);
        }
        if (event instanceof RoomEvent.ParticipantLeft left) {
            String name = names.remove(roomId + "/" + left.participantId());
            data.putObject("participant").put("id", left.participantId()).put("name", name);
            return of("participant.left", at, data.put("reason", left.reason().wire()));
        }
        if (event instanceof RoomEvent.RecordingChanged changed) {
            return recording(changed.recording(), at, data);
        }
        if (event instanceof RoomEvent.BroadcastChanged changed) {
            BroadcastStatus b = changed.broadcast();
            data.putObject("broadcast").put("id", b.id()).put("url", b.url()).put("state", b.state())
                    .put("detail", b.detail()).put("failures", b.failures());
            return of("broadcast.changed", at, data);
        }
        return Optional.empty();
    }

    private Optional<WebhookEvent> recording(RecordingStatus r, Instant at, ObjectNode data) {
        ObjectNode recording = data.putObject("recording").put("id", r.id()).put("format", r.format())
                .put("file", r.file());
        switch (r.state()) {
            case "recording":
                return of("recording.started", at, data);
            case "finished":
                recording.put("durationMs", r.durationMs()).put("download", RecordingEntry.downloadPath(r.file()));
                return Optional.of(new WebhookEvent(nextId(), "recording.finished", at, () -> {
                    recording.put("bytes", size(r.file()));
                    return data;
                }));
            case "failed":
                recording.put("durationMs", r.durationMs()).put("error", r.error());
                return of("recording.failed", at, data);
            default:
                throw new IllegalArgumentException("unknown recording state " + r.state());
        }
    }

    /** The finished file's size, read by a delivery thread; null if it cannot be read. */
    private Long size(String file) {
        Path path = recordingDirectory.resolve(file);
        try {
            return Files.size(path);
        } catch (IOException e) {
            LOG.warn("recording.finished webhook: cannot read the size of {}: {}", path, e.toString());
            return null;
        }
    }

    private Optional<WebhookEvent> of(String type, Instant at, ObjectNode data) {
        return Optional.of(new WebhookEvent(nextId(), type, at, () -> data));
    }

    private String nextId() {
        return idPrefix + sequence.incrementAndGet();
    }
}
