package io.chorus.signalling.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.chorus.signalling.protocol.ErrorCode;
import io.chorus.signalling.recordings.RecordingCatalog;
import io.chorus.signalling.recordings.RecordingEntry;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * The routes of recordings that outlive their rooms (docs/rest-api.md): {@code /api/recordings}
 * lists the catalog, {@code /api/recordings/{file}} shows or deletes one, {@code .../file} serves
 * it, as does {@code /api/rooms/{id}/recordings/{rid}/file} by the room's own id for it.
 */
final class RecordingsApi {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final RecordingCatalog catalog;
    private final ObjectMapper mapper;

    RecordingsApi(RecordingCatalog catalog, ObjectMapper mapper) {
        this.catalog = catalog;
        this.mapper = mapper;
    }

    /** @param path the segments after {@code recordings} */
    ApiResponse route(HttpMethod method, List<String> path, Map<String, List<String>> query) throws ApiException {
        if (path.isEmpty()) {
            RoomsApi.allow(method, HttpMethod.GET);
            return list(one(query, "room"), limit(one(query, "limit")));
        }
        RecordingEntry entry = catalog.byFile(path.get(0)).orElseThrow(() -> notFound("no recording '"
                + path.get(0) + "'"));
        if (path.size() == 1) {
            if (method.equals(HttpMethod.DELETE)) {
                return delete(entry);
            }
            RoomsApi.allow(method, HttpMethod.GET);
            return ApiResponse.ok(view(entry));
        }
        if (path.size() == 2 && path.get(1).equals("file")) {
            return file(method, entry);
        }
        throw new ApiException(HttpResponseStatus.NOT_FOUND, "not-found", "no API endpoint /api/recordings/"
                + String.join("/", path));
    }

    /** {@code /api/rooms/{room}/recordings/{id}/file}: the latest recording a room of that name gave that id. */
    ApiResponse roomRecordingFile(HttpMethod method, String room, String id) throws ApiException {
        RecordingEntry entry = catalog.byRoomRecording(room, id).orElseThrow(() -> notFound("room '" + room
                + "' has no recording '" + id + "' in the recording directory"));
        return file(method, entry);
    }

    private ApiResponse list(String room, int limit) {
        ObjectNode node = mapper.createObjectNode();
        ArrayNode array = node.putArray("recordings");
        catalog.list(room, limit).forEach(e -> array.add(view(e)));
        return ApiResponse.ok(node);
    }

    private ApiResponse file(HttpMethod method, RecordingEntry entry) throws ApiException {
        if (!method.equals(HttpMethod.HEAD)) {
            RoomsApi.allow(method, HttpMethod.GET);
        }
        if (entry.inProgress()) {
            throw new ApiException(HttpResponseStatus.CONFLICT, "recording-in-progress", entry.file()
                    + " is still being recorded; stop it (DELETE /api/rooms/" + entry.room() + "/recordings/"
                    + entry.id() + ") first");
        }
        Path path = catalog.path(entry);
        if (!Files.isRegularFile(path)) {
            throw notFound("the file of recording '" + entry.file() + "' is no longer in the recording directory");
        }
        return ApiResponse.file(path, contentType(entry.format()), entry.file());
    }

    /** 202: the recording leaves the catalog now, its files a moment later (on the catalog's disk thread). */
    private ApiResponse delete(RecordingEntry entry) throws ApiException {
        try {
            catalog.delete(entry.file());
            return new ApiResponse(HttpResponseStatus.ACCEPTED, null);
        } catch (IllegalStateException e) {
            throw new ApiException(HttpResponseStatus.CONFLICT, "recording-in-progress", e.getMessage());
        }
    }

    private ObjectNode view(RecordingEntry entry) {
        ObjectNode node = entry.toJson(mapper);
        if (!entry.inProgress()) {
            node.put("download", entry.downloadPath());
        }
        return node;
    }

    private static String contentType(String format) {
        return switch (format) {
            case "webm" -> "video/webm";
            case "mkv" -> "video/x-matroska";
            case "mp4" -> "video/mp4";
            default -> "application/octet-stream";
        };
    }

    private static String one(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    private static int limit(String value) throws ApiException {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(ErrorCode.INVALID_FIELD, "'limit' must be an integer from 1 to " + MAX_LIMIT
                + ", got '" + value + "'");
    }

    private static ApiException notFound(String message) {
        return new ApiException(HttpResponseStatus.NOT_FOUND, "recording-not-found", message);
    }
}
