package io.chorus.signalling.api;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.chorus.mixer.room.RoomMixerStats;
import io.chorus.recorder.file.RecordingResult;
import io.chorus.recorder.file.RecordingState;
import io.chorus.signalling.protocol.LayoutRequest;
import io.chorus.signalling.protocol.ServerMessages;
import io.chorus.mixer.video.Layout;
import io.chorus.signalling.conference.BroadcastStatus;
import io.chorus.signalling.conference.MemberView;
import io.chorus.signalling.conference.RecordingStatus;
import io.chorus.signalling.conference.Room;
import io.chorus.signalling.conference.RoomRecorders;
import io.chorus.signalling.conference.VideoTier;
import io.chorus.signalling.recordings.RecordingEntry;

/** The API's JSON views of rooms and members. */
final class RoomJson {
    private final ObjectMapper mapper;

    RoomJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode summary(Room room) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", room.id());
        node.put("participants", room.size());
        node.put("layout", room.layoutName());
        node.put("createdAt", room.createdAt().toString());
        node.put("createdBy", room.createdByApi() ? "api" : "join");
        node.put("locked", room.locked());
        return node;
    }

    ObjectNode detail(Room room) {
        ObjectNode node = summary(room);
        ObjectNode canvas = node.putObject("video");
        canvas.put("width", room.spec().width()).put("height", room.spec().height()).put("fps", room.spec().fps());
        layout(node, room.layoutName(), room.layout());
        node.put("activeSpeaker", room.activeSpeaker());
        ArrayNode members = node.putArray("participants");
        Map<VideoTier, Integer> receiversPerTier = new LinkedHashMap<>();
        room.tiers().forEach(t -> receiversPerTier.put(t, 0));
        for (MemberView m : room.members()) {
            members.add(member(m));
            receiversPerTier.merge(m.tier(), 1, Integer::sum);
        }
        RoomMixerStats stats = room.mixerStats();
        ObjectNode outputs = node.putObject("outputs");
        ArrayNode video = outputs.putArray("video");
        receiversPerTier.forEach((tier, count) -> {
            ObjectNode entry = ServerMessages.tier(video.addObject(), tier);
            entry.put("receivers", count);
        });
        outputs.put("videoEncoders", stats.videoEncodersOpen());
        outputs.put("audioEncoders", stats.audioEncodersOpen());
        ObjectNode mixer = node.putObject("mixer");
        mixer.put("audioTicks", stats.audioTicks()).put("videoTicks", stats.videoTicks())
                .put("audioOverruns", stats.audioOverruns()).put("videoOverruns", stats.videoOverruns())
                .put("failedTicks", stats.failedTicks()).put("tilesShown", stats.tilesShown());
        ArrayNode recordings = node.putArray("recordings");
        room.recordings().forEach(r -> ServerMessages.recording(recordings.addObject(), r));
        ArrayNode broadcasts = node.putArray("broadcasts");
        room.broadcasts().forEach(b -> ServerMessages.broadcast(broadcasts.addObject(), b));
        return node;
    }

    ObjectNode recording(RecordingStatus recording) {
        return ServerMessages.recording(mapper.createObjectNode(), recording);
    }

    ObjectNode broadcast(BroadcastStatus broadcast) {
        return ServerMessages.broadcast(mapper.createObjectNode(), broadcast);
    }

    /** What a stopped recording left behind (and its participants' files); {@code error} when one failed. */
    ObjectNode stoppedRecording(String id, RoomRecorders.StoppedRecording stopped) {
        ObjectNode node = result(mapper.createObjectNode().put("id", id), stopped.room());
        if (stopped.room().state().phase() == RecordingState.Phase.FINISHED) {
            node.put("download", RecordingEntry.downloadPath(stopped.room().file().getFileName().toString()));
        }
        ArrayNode participants = node.putArray("participants");
        stopped.participants().forEach(p -> result(participants.addObject(), p));
        return node;
    }

    private static ObjectNode result(ObjectNode node, RecordingResult result) {
        node.put("file", result.file().getFileName().toString()).put("durationMs", result.durationMs())
                .put("bytes", result.bytes()).put("state", result.state().phase().name().toLowerCase(Locale.ROOT));
        if (result.state().message() != null) {
            node.put("error", result.state().message());
        }
        return node;
    }

    ObjectNode member(MemberView m) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", m.id()).put("name", m.name()).put("audioMuted", m.audioMuted()).put("videoMuted", m.videoMuted())
                .put("gainDb", m.gainDb()).put("connection", m.connection());
        ServerMessages.tier(node.putObject("tier"), m.tier());
        if (m.rttMs() >= 0) {
            node.put("rttMs", m.rttMs());
        }
        if (m.estimateBps() >= 0) {
            node.put("estimateBps", m.estimateBps());
        }
        node.put("downstreamDropped", m.downstreamDropped());
        return node;
    }

    ObjectNode layout(ObjectNode node, String name, Layout layout) {
        return new LayoutRequest(name, layout).write(node);
    }
}
