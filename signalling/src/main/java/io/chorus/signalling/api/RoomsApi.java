package io.chorus.signalling.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.chorus.core.config.SettingException;
import io.chorus.mixer.room.RoomMixerConfig;
import io.chorus.signalling.auth.JoinTokens;
import io.chorus.signalling.logging.LogContext;
import io.chorus.signalling.protocol.ErrorCode;
import io.chorus.signalling.recordings.RecordingCatalog;
import io.chorus.signalling.protocol.JsonFields;
import io.chorus.signalling.protocol.LayoutRequest;
import io.chorus.signalling.protocol.ProtocolException;
import io.chorus.signalling.conference.ConferenceException;
import io.chorus.signalling.conference.ConferenceSettings;
import io.chorus.signalling.conference.Conferences;
import io.chorus.signalling.conference.Role;
import io.chorus.signalling.conference.Room;
import io.chorus.signalling.conference.RoomDirectory;
import io.chorus.signalling.conference.RoomSpec;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * The REST API's routes under {@code /api}: health, join tokens, room CRUD, layout, and
 * per-participant controls. Pure request-to-response logic; the server's RestApiHandler does HTTP.
 */
public final class RoomsApi {
    private static final Map<String, String> CANVAS_FIELDS = Map.of("canvasWidth", "width", "canvasHeight", "height");
    private static final int DEFAULT_TOKEN_TTL_SECONDS = 3600;
    private static final int MAX_TOKEN_TTL_SECONDS = 7 * 24 * 3600;

    private final Conferences rooms;
    private final RoomJson json;
    private final ObjectMapper mapper;
    private final JoinTokens tokens;
    private final Readiness readiness;
    private final RecordingsApi recordings;
    private final Instant startedAt = Instant.now();

    /** @param tokens mints join tokens when auth is on; null when it is off */
    public RoomsApi(Conferences rooms, ObjectMapper mapper, JoinTokens tokens, Readiness readiness,
            RecordingCatalog catalog) {
        this.rooms = rooms;
        this.readiness = readiness;
        this.recordings = new RecordingsApi(catalog, mapper);
        this.mapper = mapper;
        this.json = new RoomJson(mapper);
        this.tokens = tokens;
    }

    /**
     * @param segments the path below {@code /api}, split on '/'
     * @param query    the query string's parameters
     */
    public ApiResponse handle(HttpMethod method, List<String> segments, Map<String, List<String>> query,
            JsonNode body) throws ApiException {
        try {
            return route(method, segments, query, body);
        } catch (ProtocolException e) {
            throw ApiException.from(e);
        } catch (ConferenceException e) {
            throw ApiException.from(new ProtocolException(e));
        }
    }

    private ApiResponse route(HttpMethod method, List<String> path, Map<String, List<String>> query, JsonNode body)
            throws ApiException, ProtocolException, ConferenceException {
        int n = path.size();
        if (n >= 1 && path.get(0).equals("recordings")) {
            return recordings.route(method, path.subList(1, n), query);
        }
        // Served from the recording directory, so also once the room has closed.
        if (n == 5 && path.get(0).equals("rooms") && path.get(2).equals("recordings") && path.get(4).equals("file")) {
            return recordings.roomRecordingFile(method, path.get(1), path.get(3));
        }
        if (n == 1 && path.get(0).equals("health")) {
            allow(method, HttpMethod.GET);
            return ApiResponse.ok(health());
        }
        if (n == 1 && path.get(0).equals("ready")) {
            allow(method, HttpMethod.GET);
            return ready();
        }
        if (n == 1 && path.get(0).equals("tokens")) {
            allow(method, HttpMethod.POST);
            return ApiResponse.created(mint(object(body)));
        }
        if (n == 0 || !path.get(0).equals("rooms")) {
            throw notFound(path);
        }
        if (n == 1) {
            if (method.equals(HttpMethod.POST)) {
                return ApiResponse.created(json.detail(rooms.create(roomSpec(object(body)))));
            }
            allow(method, HttpMethod.GET);
            ObjectNode list = mapper.createObjectNode();
            ArrayNode array = list.putArray("rooms");
            rooms.rooms().forEach(r -> array.add(json.summary(r)));
            return ApiResponse.ok(list);
        }
        Room room = room(path.get(1));
        if (n == 2) {
            if (method.equals(HttpMethod.DELETE)) {
                rooms.delete(room.id(), "ended through the API");
                return ApiResponse.noContent();
            }
            allow(method, HttpMethod.GET);
            return ApiResponse.ok(json.detail(room));
        }
        if (n == 3 && path.get(2).equals("layout")) {
            if (method.equals(HttpMethod.PUT)) {
                LayoutRequest layout = LayoutRequest.parse(object(body));
                room.setLayout(layout.name(), layout.layout());
            } else {
                allow(method, HttpMethod.GET);
            }
            return ApiResponse.ok(json.layout(mapper.createObjectNode(), room.layoutName(), room.layout()));
        }
        if (n >= 3 && n <= 4 && path.get(2).equals("recordings")) {
            return recordings(method, room, n == 4 ? path.get(3) : null, body);
        }
        if (n >= 3 && n <= 4 && path.get(2).equals("broadcasts")) {
            return broadcasts(method, room, n == 4 ? path.get(3) : null, body);
        }
        if (n == 3 && path.get(2).equals("lock")) {
            if (method.equals(HttpMethod.PUT)) {
                if (tokens == null) {
                    throw new ApiException(ErrorCode.AUTH_DISABLED, "auth is off, so nobody joins with a role and "
                            + "a lock would keep nobody out; locking needs auth.enabled=true");
                }
                room.setLocked(JsonFields.requiredBoolean(object(body), "locked"));
            } else {
                allow(method, HttpMethod.GET);
            }
            return ApiResponse.ok(mapper.createObjectNode().put("locked", room.locked()));
        }
        if (n == 4 && path.get(2).equals("participants")) {
            if (method.equals(HttpMethod.DELETE)) {
                room.kick(path.get(3));
                return ApiResponse.noContent();
            }
            allow(method, HttpMethod.PUT);
            JsonNode request = object(body);
            Double gain = JsonFields.optionalNumber(request, "gainDb");
            Boolean audioMuted = JsonFields.optionalBoolean(request, "audioMuted");
            Boolean videoMuted = JsonFields.optionalBoolean(request, "videoMuted");
            if (gain == null && audioMuted == null && videoMuted == null) {
                throw new ProtocolException(ErrorCode.MISSING_FIELD,
                        "give at least one of 'gainDb', 'audioMuted', 'videoMuted'");
            }
            return ApiResponse.ok(json.member(room.updateMember(path.get(3), gain, audioMuted, videoMuted)));
        }
        throw notFound(path);
    }

    /** POST starts one (201), DELETE {id} finishes its file and says what it holds. */
    private ApiResponse recordings(HttpMethod method, Room room, String id, JsonNode body)
            throws ApiException, ProtocolException, ConferenceException {
        if (id == null) {
            allow(method, HttpMethod.POST);
            JsonNode request = object(body);
            Boolean participants = JsonFields.optionalBoolean(request, "participants");
            return ApiResponse.created(json.recording(room.startRecording(JsonFields.requiredText(request, "format"),
                    Boolean.TRUE.equals(participants))));
        }
        allow(method, HttpMethod.DELETE);
        return ApiResponse.ok(json.stoppedRecording(id, room.stopRecording(id)));
    }

    /** POST starts pushing to {@code url} (201), DELETE {id} stops it. */
    private ApiResponse broadcasts(HttpMethod method, Room room, String id, JsonNode body)
            throws ApiException, ProtocolException, ConferenceException {
        if (id == null) {
            allow(method, HttpMethod.POST);
            return ApiResponse.created(json.broadcast(room.startBroadcast(JsonFields.requiredText(object(body),
                    "url"))));
        }
        allow(method, HttpMethod.DELETE);
        return ApiResponse.ok(json.broadcast(room.stopBroadcast(id)));
    }

    private ObjectNode health() {
        ObjectNode node = mapper.createObjectNode();
        node.put("status", "ok");
        node.put("rooms", rooms.rooms().size());
        node.put("participants", rooms.participants());
        node.put("uptimeSeconds", Duration.between(startedAt, Instant.now()).toSeconds());
        return node;
    }

    private ApiResponse ready() {
        Map<String, String> results = readiness.evaluate();
        boolean ready = results.values().stream().allMatch("ok"::equals);
        ObjectNode node = mapper.createObjectNode().put("ready", ready);
        ObjectNode checks = node.putObject("checks");
        results.forEach(checks::put);
        return new ApiResponse(ready ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, node);
    }

    /** A join token for one room and display name, so an application server never handles the secret. */
    private ObjectNode mint(JsonNode body) throws ApiException, ProtocolException {
        if (tokens == null) {
            throw new ApiException(HttpResponseStatus.CONFLICT, "auth-disabled",
                    "auth is off (auth.enabled: false): joins need no token");
        }
        String room = JsonFields.requiredText(body, "room");
        if (!RoomSpec.isValidId(room)) {
            throw new ProtocolException(ErrorCode.INVALID_ROOM, "room id must match [A-Za-z0-9_-]{1,64}");
        }
        String name = JsonFields.requiredText(body, "name");
        Integer ttl = JsonFields.optionalInt(body, "ttlSeconds", 1, MAX_TOKEN_TTL_SECONDS);
        Integer maxBitrate = JsonFields.optionalInt(body, "maxBitrate", 10_000, Integer.MAX_VALUE);
        Integer seats = JsonFields.optionalInt(body, "seats", 1, JoinTokens.MAX_SEATS);
        Role role = role(JsonFields.optionalText(body, "role"));
        Duration lifetime = Duration.ofSeconds(ttl == null ? DEFAULT_TOKEN_TTL_SECONDS : ttl);
        String token = tokens.mint(room, name, lifetime, maxBitrate, seats == null ? 1 : seats, role);
        ObjectNode node = mapper.createObjectNode();
        node.put("token", token);
        node.put("room", room).put("name", name).put("role", role.wire());
        node.put("expiresAt", Instant.now().plus(lifetime).getEpochSecond());
        return node;
    }

    private static Role role(String wire) throws ProtocolException {
        if (wire == null) {
            return Role.PARTICIPANT;
        }
        try {
            return Role.parse(wire);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'role' " + e.getMessage());
        }
    }

    private RoomSpec roomSpec(JsonNode body) throws ProtocolException {
        String id = JsonFields.requiredText(body, "id");
        if (!RoomSpec.isValidId(id)) {
            throw new ProtocolException(ErrorCode.INVALID_ROOM, "room id must match [A-Za-z0-9_-]{1,64}");
        }
        // The request's log context (RestApiHandler) knew no room: the id came in the body.
        LogContext.set(id, null);
        if (id.equals(RoomDirectory.ECHO_ROOM)) {
            throw new ProtocolException(ErrorCode.ROOM_EXISTS, "'echo' is the server's built-in echo test room");
        }
        ConferenceSettings settings = rooms.settings();
        RoomMixerConfig defaults = settings.mixer();
        JsonNode video = JsonFields.optionalObject(body, "video");
        int width = defaults.canvasWidth();
        int height = defaults.canvasHeight();
        int fps = defaults.fps();
        if (video != null) {
            width = orDefault(JsonFields.optionalInt(video, "width", Integer.MIN_VALUE, Integer.MAX_VALUE), width);
            height = orDefault(JsonFields.optionalInt(video, "height", Integer.MIN_VALUE, Integer.MAX_VALUE), height);
            fps = orDefault(JsonFields.optionalInt(video, "fps", Integer.MIN_VALUE, Integer.MAX_VALUE), fps);
            try {
                // The mixer owns the canvas limits; its refusal is reported under this API's field names.
                defaults.withCanvas(width, height, fps);
            } catch (SettingException e) {
                throw new ProtocolException(ErrorCode.INVALID_FIELD, "'video." + CANVAS_FIELDS.getOrDefault(e.field(),
                        e.field()) + "' " + e.problem());
            }
        }
        LayoutRequest layout = body.has("layout") && !body.get("layout").isNull() ? LayoutRequest.parse(body)
                : new LayoutRequest(settings.layout().wireName(), settings.layout().layout());
        return new RoomSpec(id, width, height, fps, layout.name(), layout.layout());
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private Room room(String id) throws ProtocolException {
        return rooms.room(id).orElseThrow(() -> new ProtocolException(ErrorCode.ROOM_NOT_FOUND,
                "no room '" + id + "'"));
    }

    private static JsonNode object(JsonNode body) throws ProtocolException {
        if (body == null || !body.isObject()) {
            throw new ProtocolException(ErrorCode.INVALID_JSON, "the request body must be a JSON object");
        }
        return body;
    }

    static void allow(HttpMethod method, HttpMethod allowed) throws ApiException {
        if (!method.equals(allowed)) {
            throw new ApiException(HttpResponseStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                    method + " is not allowed here");
        }
    }

    private static ApiException notFound(List<String> path) {
        return new ApiException(HttpResponseStatus.NOT_FOUND, "not-found", "no API endpoint /api/"
                + String.join("/", path));
    }
}
