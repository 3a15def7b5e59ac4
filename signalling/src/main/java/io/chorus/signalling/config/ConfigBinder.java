package io.chorus.signalling.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.chorus.core.config.SettingException;
import io.chorus.core.ice.IceConfig;
import io.chorus.mixer.room.RoomMixerConfig;
import io.chorus.mixer.video.FitPolicy;
import io.chorus.mixer.video.LayoutName;
import io.chorus.recorder.file.RecordingFormat;
import io.chorus.recorder.file.RecordingOptions;
import io.chorus.recorder.rtmp.BroadcastSettings;
import io.chorus.signalling.conference.ConferenceSettings;
import io.chorus.signalling.conference.RecordingSettings;
import io.chorus.signalling.conference.RoomLimits;
import io.chorus.signalling.conference.VideoTier;
import io.chorus.signalling.logging.LogFormat;
import io.chorus.signalling.webhook.WebhookSettings;

/**
 * Turns the settings' JSON trees into the typed {@link ChorusConfig}. Type errors name the key, the
 * value and where it came from; range and consistency rules live in ChorusConfig's records.
 */
final class ConfigBinder {
    /** Unnamed tiers, in a YAML list or in --video.tiers, take these names by position. */
    private static final List<String> TIER_NAMES = List.of("high", "medium", "low");
    private static final List<String> LAYOUTS = List.of("grid", "speaker");
    private static final List<String> FITS = List.of("letterbox", "crop");
    private static final List<String> AUTO_START = List.of("none", "webm", "mkv", "mp4");
    private static final Set<String> TIER_FIELDS = Set.of("name", "width", "height", "bitrate");
    private static final Set<String> ICE_SERVER_FIELDS = Set.of("urls", "username", "credential");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
    /** Keys whose values never appear in an error message, which may end up in a shared log. */
    private static final Set<String> SECRETS = Set.of("auth.tokenSecret", "auth.apiKey", "webhooks.secret");

    private final Map<String, SourcedValue> values;

    ConfigBinder(Map<String, SourcedValue> values) {
        this.values = values;
    }

    ChorusConfig bind() {
        return new ChorusConfig(
                new ChorusConfig.Http(address("http.address"), integer("http.port"), texts("http.allowedOrigins"),
                        integer("http.maxConnections"), integer("http.maxConnectionsPerAddress"),
                        integer("http.maxMessagesPerSecond"), duration("http.joinTimeout"),
                        integer("http.maxPendingReplyBytes")),
                new ChorusConfig.Media(address("media.address"), integer("media.port"), address("media.publicAddress"),
                        hostPorts("media.stun"), bound(() -> new IceConfig.Limits(integer("media.maxRemoteAddresses"),
                                integer("media.maxRemoteCandidates")), Map.of("maxRemoteAddresses",
                                        "media.maxRemoteAddresses", "maxRemoteCandidates", "media.maxRemoteCandidates"))),
                new ChorusConfig.Dtls(path("dtls.certificate"), path("dtls.privateKey")),
                iceServers("clientIceServers"),
                conference(),
                new ChorusConfig.Auth(bool("auth.enabled"), text("auth.tokenSecret"), text("auth.apiKey"),
                        bool("auth.allowInsecure")),
                text("audio.opusLibrary"),
                webhooks(),
                logFormat());
    }

    private LogFormat logFormat() {
        try {
            return LogFormat.parse(text("log.format"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("log.format " + e.getMessage(), e);
        }
    }

    private WebhookSettings webhooks() {
        return bound(() -> new WebhookSettings(uris("webhooks.urls"), text("webhooks.secret"),
                duration("webhooks.timeout"), integer("webhooks.queueCapacity"), integer("webhooks.maxAttempts"),
                duration("webhooks.retryFirstWait"), duration("webhooks.retryMaxWait")),
                Map.of("urls", "webhooks.urls", "secret", "webhooks.secret", "timeout", "webhooks.timeout",
                        "queueCapacity", "webhooks.queueCapacity", "maxAttempts", "webhooks.maxAttempts",
                        "retryFirstWait", "webhooks.retryFirstWait", "retryMaxWait", "webhooks.retryMaxWait"));
    }

    private List<URI> uris(String key) {
        List<URI> uris = new ArrayList<>();
        for (String text : texts(key)) {
            try {
                uris.add(new URI(text));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(key + ": '" + text + "' is not a URL: " + e.getReason());
            }
        }
        return uris;
    }

    private ConferenceSettings conference() {
        LayoutName layout = LayoutName.parse(oneOf("video.layout", LAYOUTS));
        FitPolicy fit = FitPolicy.valueOf(oneOf("video.fit", FITS).toUpperCase(Locale.ROOT));
        RoomMixerConfig mixer = bound(() -> new RoomMixerConfig(integer("video.width"), integer("video.height"),
                integer("video.fps"), RoomMixerConfig.defaults().background(), layout.layout(), fit,
                integer("audio.mixedSpeakers"), integer("audio.bitrate")),
                Map.of("canvasWidth", "video.width", "canvasHeight", "video.height", "fps", "video.fps",
                        "mixedSpeakers", "audio.mixedSpeakers", "audioBitrateBps", "audio.bitrate"));
        List<VideoTier> tiers = tiers("video.tiers");
        RoomLimits limits = bound(() -> new RoomLimits(integer("rooms.maxParticipants"), integer("rooms.maxRooms"),
                duration("rooms.emptyRoomGrace"), bool("rooms.createOnJoin"), duration("rooms.connectTimeout"),
                integer("rooms.maxEchoSessions"), integer("rooms.maxRecordings"), integer("rooms.maxBroadcasts"),
                integer("rooms.chatHistory")),
                Map.of("maxParticipants", "rooms.maxParticipants", "maxRooms", "rooms.maxRooms",
                        "emptyRoomGrace", "rooms.emptyRoomGrace", "connectTimeout", "rooms.connectTimeout",
                        "maxEchoSessions", "rooms.maxEchoSessions", "maxRecordings", "rooms.maxRecordings",
                        "maxBroadcasts", "rooms.maxBroadcasts", "chatHistory", "rooms.chatHistory"));
        RecordingOptions options = bound(() -> new RecordingOptions(0, integer("recording.aacBitrate"),
                integer("recording.queueCapacity"), duration("recording.fragmentLength"),
                duration("recording.stopTimeout"), bool("recording.fsync")),
                Map.of("aacBitrateBps", "recording.aacBitrate", "queueCapacity", "recording.queueCapacity",
                        "fragmentLength", "recording.fragmentLength", "stopTimeout", "recording.stopTimeout"));
        String autoStart = oneOf("recording.autoStart", AUTO_START);
        RecordingSettings recording = bound(() -> new RecordingSettings(path("recording.directory"),
                autoStart.equals("none") ? null : RecordingFormat.parse(autoStart), bool("recording.participants"),
                options, integer("recording.minFreeMegabytes")), Map.of("directory", "recording.directory",
                        "minFreeMegabytes", "recording.minFreeMegabytes"));
        BroadcastSettings broadcast = bound(() -> new BroadcastSettings(integer("broadcast.videoBitrate"),
                integer("broadcast.audioBitrate"), duration("broadcast.keyFrameInterval"),
                duration("broadcast.ioTimeout"), duration("broadcast.reconnectFirstWait"),
                duration("broadcast.reconnectMaxWait")),
                Map.of("videoBitrateBps", "broadcast.videoBitrate", "audioBitrateBps", "broadcast.audioBitrate",
                        "keyFrameInterval", "broadcast.keyFrameInterval", "ioTimeout", "broadcast.ioTimeout",
                        "reconnectFirstWait", "broadcast.reconnectFirstWait",
                        "reconnectMaxWait", "broadcast.reconnectMaxWait"));
        return bound(() -> new ConferenceSettings(mixer, layout, tiers, limits, recording, broadcast),
                Map.of("tiers", "video.tiers"));
    }

    /**
     * Builds a module's settings record, reporting a field it refuses under the key it came from:
     * the module checks its ranges once, and the operator reads the name they wrote.
     */
    private static <T> T bound(Supplier<T> build, Map<String, String> keysByField) {
        try {
            return build.get();
        } catch (SettingException e) {
            String key = keysByField.get(e.field());
            if (key == null) {
                throw e;
            }
            throw new IllegalArgumentException(key + " " + e.problem(), e);
        }
    }

    private String oneOf(String key, List<String> allowed) {
        String value = text(key);
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(key + " must be one of " + String.join(", ", allowed) + ", got '"
                    + value + "'");
        }
        return value;
    }

    private JsonNode node(String key) {
        return values.get(key).node();
    }

    private IllegalArgumentException wrong(String key, String expected, JsonNode got) {
        String origin = values.get(key).origin();
        return new IllegalArgumentException(key + (origin.equals("default") ? "" : " (" + origin + ")") + ": expected "
                + expected + ", got " + (SECRETS.contains(key) ? "a " + kindOf(got) : got));
    }

    private int integer(String key) {
        JsonNode node = node(key);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw wrong(key, "an integer", node);
        }
        return node.intValue();
    }

    private boolean bool(String key) {
        JsonNode node = node(key);
        if (!node.isBoolean()) {
            throw wrong(key, "true or false", node);
        }
        return node.booleanValue();
    }

    /** The text, or null when unset. */
    private String text(String key) {
        JsonNode node = node(key);
        if (node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrong(key, "text", node);
        }
        return node.textValue();
    }

    private InetAddress address(String key) {
        String text = text(key);
        if (text == null) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw wrong(key, "an IP address or a resolvable host name", node(key));
        }
    }

    private Path path(String key) {
        String text = text(key);
        try {
            return text == null ? null : Path.of(text);
        } catch (InvalidPathException e) {
            throw wrong(key, "a file system path", node(key));
        }
    }

    private Duration duration(String key) {
        String text = text(key);
        Matcher m = DURATION.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw wrong(key, "a duration such as 500ms, 30s, 2m or 1h", node(key));
        }
        long amount = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "ms":
                return Duration.ofMillis(amount);
            case "s":
                return Duration.ofSeconds(amount);
            case "m":
                return Duration.ofMinutes(amount);
            default:
                return Duration.ofHours(amount);
        }
    }

    private List<JsonNode> list(String key) {
        JsonNode node = node(key);
        if (!node.isArray()) {
            throw wrong(key, "a list", node);
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    private List<String> texts(String key) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : list(key)) {
            if (!item.isTextual()) {
                throw wrong(key, "a list of text", item);
            }
            texts.add(item.textValue());
        }
        return texts;
    }

    private List<InetSocketAddress> hostPorts(String key) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (JsonNode item : list(key)) {
            String entry = item.isTextual() ? item.textValue() : "";
            int colon = entry.lastIndexOf(':');
            String host = colon > 0 ? entry.substring(0, colon) : "";
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port = colon > 0 && entry.substring(colon + 1).matches("\\d{1,5}")
                    ? Integer.parseInt(entry.substring(colon + 1)) : -1;
            if (host.isEmpty() || port < 1 || port > 65535) {
                throw wrong(key, "host:port entries with a port from 1 to 65535", item);
            }
            InetSocketAddress address = new InetSocketAddress(host, port);
            if (address.isUnresolved()) {
                throw wrong(key, "a resolvable host", item);
            }
            addresses.add(address);
        }
        return addresses;
    }

    private List<VideoTier> tiers(String key) {
        List<VideoTier> tiers = new ArrayList<>();
        List<JsonNode> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String where = key + "[" + i + "]";
            fields(item, where, TIER_FIELDS);
            String name;
            if (item.has("name")) {
                name = textField(item, "name", where);
            } else if (i < TIER_NAMES.size()) {
                name = TIER_NAMES.get(i);
            } else {
                throw new IllegalArgumentException(where + ": needs a name (only the first " + TIER_NAMES.size()
                        + " tiers default to " + String.join(", ", TIER_NAMES) + ")");
            }
            if (name.isBlank()) {
                throw new IllegalArgumentException(where + ".name: must not be blank");
            }
            int width = intField(item, "width", where);
            int height = intField(item, "height", where);
            int bitrate = intField(item, "bitrate", where);
            String prefix = key + " '" + name + "' ";
            tiers.add(bound(() -> new VideoTier(name, width, height, bitrate), Map.of("width", prefix + "width",
                    "height", prefix + "height", "bitrateBps", prefix + "bitrate")));
        }
        return tiers;
    }

    private List<ChorusConfig.IceServer> iceServers(String key) {
        List<ChorusConfig.IceServer> servers = new ArrayList<>();
        List<JsonNode> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String where = key + "[" + i + "]";
            fields(item, where, ICE_SERVER_FIELDS);
            JsonNode urls = item.path("urls");
            List<String> urlList = new ArrayList<>();
            urls.forEach(url -> urlList.add(url.isTextual() ? url.textValue() : null));
            if (!urls.isArray() || urlList.contains(null)) {
                throw new IllegalArgumentException(where + ".urls: expected a list of URLs, got " + urls);
            }
            servers.add(new ChorusConfig.IceServer(urlList,
                    item.has("username") ? textField(item, "username", where) : null,
                    item.has("credential") ? textField(item, "credential", where) : null));
        }
        return servers;
    }

    /** A list item must be a mapping of known fields: a misspelt one would otherwise be dropped. */
    private static void fields(JsonNode item, String where, Set<String> known) {
        if (!item.isObject()) {
            throw new IllegalArgumentException(where + ": expected a mapping of " + String.join(", ", known)
                    + ", got " + item);
        }
        Iterator<String> names = item.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown key '" + name + "'; known: "
                        + String.join(", ", known));
            }
        }
    }

    private static String textField(JsonNode item, String field, String where) {
        JsonNode node = item.get(field);
        if (!node.isTextual()) {
            // The type, not the value: the field may be a TURN credential.
            throw new IllegalArgumentException(where + "." + field + ": expected text, got a " + kindOf(node));
        }
        return node.textValue();
    }

    private static String kindOf(JsonNode node) {
        return node.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    private static int intField(JsonNode item, String field, String where) {
        JsonNode node = item.path(field);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException(where + "." + field + ": expected an integer, got "
                    + (node.isMissingNode() ? "nothing" : node.toString()));
        }
        return node.intValue();
    }
}
