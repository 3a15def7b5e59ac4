package io.chorus.signalling.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;

import io.chorus.signalling.conference.BroadcastStatus;
import io.chorus.signalling.conference.ChatMessage;
import io.chorus.signalling.conference.LeaveReason;
import io.chorus.signalling.conference.MemberInfo;
import io.chorus.signalling.conference.PublishConstraints;
import io.chorus.signalling.conference.RecordingStatus;
import io.chorus.signalling.conference.Role;
import io.chorus.signalling.conference.RoomEvent;
import io.chorus.signalling.conference.VideoTier;
import io.chorus.signalling.conference.Welcome;
import io.chorus.signalling.protocol.ServerMessages.IceServerInfo;

/** Each room event becomes the message docs/protocol.md describes, with every field. */
class ServerMessagesTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final ServerMessages messages = new ServerMessages(mapper);

    private JsonNode event(RoomEvent event) throws Exception {
        return mapper.readTree(messages.event(event));
    }

    @Test
    void participantEventsCarryTheParticipant() throws Exception {
        JsonNode joined = event(new RoomEvent.ParticipantJoined(new MemberInfo("p2", "Bob", true, false)));
        assertEquals("participant-joined", joined.get("type").asText());
        assertEquals("p2", joined.at("/participant/id").asText());
        assertEquals("Bob", joined.at("/participant/name").asText());
        assertTrue(joined.at("/participant/audioMuted").asBoolean());
        assertEquals(false, joined.at("/participant/videoMuted").asBoolean());
        assertEquals("participant-updated",
                event(new RoomEvent.ParticipantUpdated(new MemberInfo("p2", "Bob", false, false))).get("type").asText());
        JsonNode left = event(new RoomEvent.ParticipantLeft("p2", LeaveReason.NOT_CONNECTED));
        assertEquals("participant-left", left.get("type").asText());
        assertEquals("p2", left.get("participant").asText());
        assertEquals("not-connected", left.get("reason").asText());
    }

    @Test
    void nobodySpeakingIsANullParticipant() throws Exception {
        JsonNode speaker = event(new RoomEvent.ActiveSpeaker(null));
        assertEquals("active-speaker", speaker.get("type").asText());
        assertTrue(speaker.get("participant").isNull());
        assertEquals("p1", event(new RoomEvent.ActiveSpeaker("p1")).get("participant").asText());
    }

    @Test
    void tierAndConstraintsCarryEveryField() throws Exception {
        JsonNode tier = event(new RoomEvent.TierChanged("p1", new VideoTier("low", 320, 180, 150_000)));
        assertEquals("tier", tier.get("type").asText());
        assertEquals("low", tier.at("/tier/name").asText());
        assertEquals(320, tier.at("/tier/width").asInt());
        assertEquals(180, tier.at("/tier/height").asInt());
        assertEquals(150_000, tier.at("/tier/bitrate").asInt());
        assertEquals("audio-only",
                event(new RoomEvent.TierChanged("p1", VideoTier.AUDIO_ONLY)).at("/tier/name").asText());

        JsonNode c = event(new RoomEvent.VideoConstraints("p1", new PublishConstraints(426, 240, 30, 215_000, true)));
        assertEquals("video-constraints", c.get("type").asText());
        assertEquals(426, c.get("maxWidth").asInt());
        assertEquals(240, c.get("maxHeight").asInt());
        assertEquals(30, c.get("maxFramerate").asInt());
        assertEquals(215_000, c.get("maxBitrate").asLong());
        assertTrue(c.get("active").asBoolean());
    }

    @Test
    void recordingBroadcastLayoutAndClose() throws Exception {
        JsonNode rec = event(new RoomEvent.RecordingChanged(
                new RecordingStatus("r1", "webm", "a.webm", "failed", 1200, "disk full")));
        assertEquals("recording", rec.get("type").asText());
        assertEquals("r1", rec.at("/recording/id").asText());
        assertEquals("failed", rec.at("/recording/state").asText());
        assertEquals(1200, rec.at("/recording/durationMs").asLong());
        assertEquals("disk full", rec.at("/recording/error").asText());

        JsonNode live = event(new RoomEvent.BroadcastChanged(new BroadcastStatus("b2", "rtmp://h/app/***", "live", "", 0)));
        assertEquals("broadcast", live.get("type").asText());
        assertEquals("live", live.at("/broadcast/state").asText());
        assertTrue(live.at("/broadcast/error").isMissingNode(), "no detail, no error field");
        JsonNode retrying = event(new RoomEvent.BroadcastChanged(
                new BroadcastStatus("b2", "rtmp://h/app/***", "reconnecting", "refused", 3)));
        assertEquals("refused", retrying.at("/broadcast/error").asText());
        assertEquals(3, retrying.at("/broadcast/failures").asInt());

        assertEquals("speaker", event(new RoomEvent.LayoutChanged("speaker")).get("layout").asText());
        JsonNode closed = event(new RoomEvent.Closed("ended through the API"));
        assertEquals("room-closed", closed.get("type").asText());
        assertEquals("ended through the API", closed.get("reason").asText());
    }

    @Test
    void roomLevelEventsHaveNoMessage() {
        assertNull(messages.event(new RoomEvent.Opened()));
    }

    @Test
    void joinedEchoesTheRequestAndListsTheRoom() throws Exception {
        Welcome welcome = new Welcome("r", "p2", List.of(new MemberInfo("p1", "Ann", false, true),
                new MemberInfo("p2", "Bob", false, false)), "grid", "p1", new VideoTier("high", 1280, 720, 1_500_000),
                List.of(new RecordingStatus("r1", "mp4", "x.mp4", "recording", 10, null)), List.of(), Role.MODERATOR,
                true, List.of(new ChatMessage("p1", "Ann", "hello\nall", java.time.Instant.parse("2026-12-05T10:00:00Z"))));
        JsonNode joined = mapper.readTree(messages.joined(IntNode.valueOf(7), welcome,
                List.of(new IceServerInfo(List.of("turn:127.0.0.1:3478"), "u", "c"))));
        assertEquals("joined", joined.get("type").asText());
        assertEquals(7, joined.get("id").asInt());
        assertEquals("p2", joined.get("participant").asText());
        assertEquals(List.of("p1", "p2"), joined.get("participants").findValuesAsText("id"));
        assertEquals("grid", joined.get("layout").asText());
        assertEquals("p1", joined.get("activeSpeaker").asText());
        assertEquals("high", joined.at("/tier/name").asText());
        assertEquals("turn:127.0.0.1:3478", joined.at("/iceServers/0/urls/0").asText());
        assertEquals("r1", joined.at("/recordings/0/id").asText());
        assertEquals(0, joined.get("broadcasts").size());
        assertEquals("moderator", joined.get("role").asText());
        assertTrue(joined.get("locked").asBoolean());
        assertEquals("{\"participant\":\"p1\",\"name\":\"Ann\",\"text\":\"hello\\nall\",\"at\":\"2026-12-05T10:00:00Z\"}",
                joined.get("chat").get(0).toString());
    }
}
