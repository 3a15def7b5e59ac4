package io.chorus.signalling.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.signalling.conference.BroadcastStatus;
import io.chorus.signalling.conference.LeaveReason;
import io.chorus.signalling.conference.MemberInfo;
import io.chorus.signalling.conference.PublishConstraints;
import io.chorus.signalling.conference.RecordingStatus;
import io.chorus.signalling.conference.RoomEvent;

class WebhookEventsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-12-05T10:00:00.250Z");

    @TempDir
    Path recordings;

    private WebhookEvents events() {
        return new WebhookEvents(MAPPER, recordings, Instant.parse("2026-12-05T09:00:00Z"));
    }

    private static JsonNode body(WebhookEvent event) throws IOException {
        return MAPPER.readTree(event.body(MAPPER));
    }

    @Test
    void roomAndParticipantEventsSayWhichRoomAndWho() throws IOException {
        WebhookEvents events = events();
        JsonNode started = body(events.translate("demo", new RoomEvent.Opened(), AT).orElseThrow());
        assertEquals("room.started", started.get("type").asText());
        assertEquals("2026-12-05T10:00:00.250Z", started.get("timestamp").asText());
        assertEquals("demo", started.get("data").get("room").asText());

        JsonNode joined = body(events.translate("demo", new RoomEvent.ParticipantJoined(
                new MemberInfo("p1", "Alice", false, false)), AT).orElseThrow());
        assertEquals("participant.joined", joined.get("type").asText());
        assertEquals("{\"id\":\"p1\",\"name\":\"Alice\"}", joined.get("data").get("participant").toString());

        JsonNode left = body(events.translate("demo", new RoomEvent.ParticipantLeft("p1", LeaveReason.NOT_CONNECTED),
                AT).orElseThrow());
        assertEquals("participant.left", left.get("type").asText());
        assertEquals("Alice", left.get("data").get("participant").get("name").asText(), "the name is remembered");
        assertEquals("not-connected", left.get("data").get("reason").asText());

        JsonNode finished = body(events.translate("demo", new RoomEvent.Closed("empty"), AT).orElseThrow());
        assertEquals("room.finished", finished.get("type").asText());
        assertEquals("empty", finished.get("data").get("reason").asText());
        assertNotEquals(started.get("id").asText(), finished.get("id").asText(), "every event has its own id");
    }

    @Test
    void aFinishedRecordingReportsItsFileDurationAndSize() throws IOException {
        Files.write(recordings.resolve("demo-1.webm"), new byte[12_345]);
        WebhookEvents events = events();
        JsonNode started = body(events.translate("demo", new RoomEvent.RecordingChanged(
                new RecordingStatus("r1", "webm", "demo-1.webm", "recording", 0, null)), AT).orElseThrow());
        assertEquals("recording.started", started.get("type").asText());
        JsonNode finished = body(events.translate("demo", new RoomEvent.RecordingChanged(
                new RecordingStatus("r1", "webm", "demo-1.webm", "finished", 61_000, null)), AT).orElseThrow());
        assertEquals("recording.finished", finished.get("type").asText());
        assertEquals("{\"id\":\"r1\",\"format\":\"webm\",\"file\":\"demo-1.webm\",\"durationMs\":61000,"
                + "\"download\":\"/api/recordings/demo-1.webm/file\",\"bytes\":12345}",
                finished.get("data").get("recording").toString());
        JsonNode failed = body(events.translate("demo", new RoomEvent.RecordingChanged(
                new RecordingStatus("r2", "mp4", "demo-2.mp4", "failed", 500, "disk full")), AT).orElseThrow());
        assertEquals("recording.failed", failed.get("type").asText());
        assertEquals("disk full", failed.get("data").get("recording").get("error").asText());
    }

    @Test
    void aRecordingWhoseFileIsGoneSaysItsSizeIsUnknown() throws IOException {
        JsonNode finished = body(events().translate("demo", new RoomEvent.RecordingChanged(
                new RecordingStatus("r1", "mkv", "deleted.mkv", "finished", 1_000, null)), AT).orElseThrow());
        assertTrue(finished.get("data").get("recording").get("bytes").isNull(), finished.toString());
    }

    @Test
    void broadcastStatesAreReportedAndChattyEventsAreNot() throws IOException {
        WebhookEvents events = events();
        JsonNode broadcast = body(events.translate("demo", new RoomEvent.BroadcastChanged(
                new BroadcastStatus("b1", "rtmp://live.example.com/app/****", "reconnecting", "connection refused", 2)),
                AT).orElseThrow());
        assertEquals("broadcast.changed", broadcast.get("type").asText());
        assertEquals("reconnecting", broadcast.get("data").get("broadcast").get("state").asText());
        assertTrue(events.translate("demo", new RoomEvent.ActiveSpeaker("p1"), AT).isEmpty());
        assertTrue(events.translate("demo", new RoomEvent.LayoutChanged("grid"), AT).isEmpty());
        assertTrue(events.translate("demo", new RoomEvent.ParticipantUpdated(new MemberInfo("p1", "A", true, false)),
                AT).isEmpty());
        assertTrue(events.translate("demo", new RoomEvent.VideoConstraints("p1",
                new PublishConstraints(320, 180, 15, 150_000, true)), AT).isEmpty());
    }
}
