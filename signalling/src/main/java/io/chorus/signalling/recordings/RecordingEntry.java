package io.chorus.signalling.recordings;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One room recording as the catalog keeps it, on disk (the sidecar {@code <file>.json}) and in
 * {@code GET /api/recordings}. {@code file} is its name in the recording directory, unique there,
 * and so its key; {@code id} is the room's own id for it ({@code r1}), which a room reopened under
 * the same name gives again.
 *
 * @param state      {@code recording}, {@code finished}, {@code failed}, or {@code interrupted} (the
 *                   server stopped without finishing it: the file holds what was written until then)
 * @param finishedAt null while recording
 * @param bytes      the file's size when it ended; null while recording
 * @param error      why it failed, or null
 * @param partOf     for one participant's own file, the file of the room recording it belongs to
 *                   (which shares its {@code id}); null for a room recording
 */
public record RecordingEntry(String file, String room, String id, String format, String state, Instant startedAt,
        Instant finishedAt, long durationMs, Long bytes, String error, String partOf) {

    public RecordingEntry {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public boolean inProgress() {
        return state.equals("recording");
    }

    /** The path below the server's address that serves the file (with the API key when auth is on). */
    public String downloadPath() {
        return downloadPath(file);
    }

    public static String downloadPath(String file) {
        return "/api/recordings/" + file + "/file";
    }

    RecordingEntry ended(String endState, Instant at, long duration, Long size, String why) {
        return new RecordingEntry(file, room, id, format, endState, startedAt, at, duration, size, why, partOf);
    }

    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode().put("file", file).put("room", room).put("id", id)
                .put("format", format).put("state", state).put("startedAt", startedAt.toString());
        node.put("finishedAt", finishedAt == null ? null : finishedAt.toString());
        node.put("durationMs", durationMs).put("bytes", bytes).put("error", error).put("partOf", partOf);
        return node;
    }

    /** @throws IllegalArgumentException when a field is missing or malformed */
    static RecordingEntry fromJson(JsonNode node) {
        try {
            JsonNode finished = node.path("finishedAt");
            JsonNode bytes = node.path("bytes");
            JsonNode error = node.path("error");
            JsonNode partOf = node.path("partOf");
            return new RecordingEntry(text(node, "file"), text(node, "room"), text(node, "id"), text(node, "format"),
                    text(node, "state"), Instant.parse(text(node, "startedAt")),
                    finished.isTextual() ? Instant.parse(finished.asText()) : null, node.path("durationMs").asLong(),
                    bytes.isIntegralNumber() ? bytes.asLong() : null, error.isTextual() ? error.asText() : null,
                    partOf.isTextual() ? partOf.asText() : null);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' missing or not text");
        }
        return value.asText();
    }
}
