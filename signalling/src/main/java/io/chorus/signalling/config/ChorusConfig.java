package io.chorus.signalling.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.chorus.core.ice.IceConfig;
import io.chorus.signalling.auth.JoinTokens;

/**
 * The server's settings, validated: a value that exists is a value the server can run with. Every
 * message names the key (its YAML path) and the rejected value. {@link ConfigLoader} builds one from
 * defaults, a YAML file, the environment and flags; the keys and defaults are listed in {@link Settings}.
 */
public record ChorusConfig(Http http, Media media, Dtls dtls, List<IceServer> clientIceServers, Video video,
        Audio audio, Rooms rooms, Recording recording, Auth auth) {

    /** How often ICE consent (RFC 7675) is re-checked, and how long silence means the browser is gone. */
    private static final Duration CONSENT_INTERVAL = Duration.ofSeconds(5);
    private static final Duration CONSENT_TIMEOUT = Duration.ofSeconds(10);
    /*
     * The mixer's limits (RoomMixerConfig, VideoProfile), checked here too so that a bad value is
     * reported at start-up under its key; ChorusConfigTest holds the two to the same numbers.
     */
    static final int MIN_SIDE = 16;
    static final int MAX_WIDTH = 3840;
    static final int MAX_HEIGHT = 2160;
    static final int MIN_TIER_BITRATE = 30_000;
    static final int MAX_TIER_BITRATE = 20_000_000;
    static final int MAX_MIXED_SPEAKERS = 16;

    public ChorusConfig {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(dtls, "dtls");
        clientIceServers = List.copyOf(clientIceServers);
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(rooms, "rooms");
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(auth, "auth");
    }

    /** The documented defaults: loopback only, no external service, no authentication. */
    public static ChorusConfig defaults() {
        return ConfigLoader.load(new String[0], Map.of());
    }

    /** The shared media port's settings for mcu-core's ICE agent. */
    public IceConfig iceConfig() {
        return new IceConfig(media.address(), media.port(), media.publicAddress(), media.stun(), CONSENT_INTERVAL,
                CONSENT_TIMEOUT);
    }

    /** The HTTP/WebSocket listener; port 0 picks a free port. */
    public record Http(InetAddress address, int port) {
        public Http {
            required(address, "http.address");
            inRange(port, 0, 65535, "http.port");
        }
    }

    /**
     * The one UDP port all participants' media shares.
     *
     * @param publicAddress advertised beside {@code address} when behind a 1:1 NAT; null when not
     * @param stun          STUN servers asked once at start-up for the public address; empty by default
     */
    public record Media(InetAddress address, int port, InetAddress publicAddress, List<InetSocketAddress> stun) {
        public Media {
            required(address, "media.address");
            if (address.isAnyLocalAddress()) {
                throw new IllegalArgumentException("media.address must be a concrete address browsers can reach, "
                        + "not the wildcard " + address.getHostAddress());
            }
            inRange(port, 1, 65535, "media.port");
            stun = List.copyOf(stun);
        }
    }

    /** PEM certificate and PKCS#8 private key for DTLS; both null means a fresh certificate per start. */
    public record Dtls(Path certificate, Path privateKey) {
        public Dtls {
            if ((certificate == null) != (privateKey == null)) {
                throw new IllegalArgumentException("dtls.certificate and dtls.privateKey must be given together, got "
                        + "certificate=" + certificate + " and privateKey=" + privateKey);
            }
        }

        public boolean generated() {
            return certificate == null;
        }
    }

    /**
     * One entry of the browser's RTCPeerConnection {@code iceServers}, handed to clients as is.
     * {@code toString} masks the credential so the configuration can be logged.
     */
    public record IceServer(List<String> urls, String username, String credential) {
        private static final List<String> SCHEMES = List.of("stun:", "stuns:", "turn:", "turns:");

        public IceServer {
            urls = List.copyOf(urls);
            if (urls.isEmpty()) {
                throw new IllegalArgumentException("clientIceServers: an entry needs at least one URL in 'urls'");
            }
            for (String url : urls) {
                if (SCHEMES.stream().noneMatch(s -> url.startsWith(s) && url.length() > s.length())
                        || url.chars().anyMatch(c -> Character.isWhitespace(c) || c == ',')) {
                    throw new IllegalArgumentException("clientIceServers: URL '" + url
                            + "' must be stun:, stuns:, turn: or turns: followed by host[:port]");
                }
                // Browsers refuse a TURN server without credentials (InvalidAccessError); fail here instead.
                if (url.startsWith("turn") && (isBlank(username) || isBlank(credential))) {
                    throw new IllegalArgumentException("clientIceServers: TURN URL '" + url
                            + "' needs a username and a credential");
                }
            }
        }

        @Override
        public String toString() {
            return "IceServer[urls=" + urls + ", username=" + username + ", credential=" + mask(credential) + "]";
        }
    }

    /**
     * The composited picture and the encodings sent to participants.
     *
     * @param layout {@code grid} (everyone the same size) or {@code speaker} (active speaker large)
     * @param fit    {@code letterbox} (whole picture, bars) or {@code crop} (fill the tile, edges cut)
     * @param tiers  the encodings, highest bitrate first
     */
    public record Video(int width, int height, int fps, String layout, String fit, List<Tier> tiers) {
        public static final Set<String> LAYOUTS = Set.of("grid", "speaker");
        public static final Set<String> FITS = Set.of("letterbox", "crop");

        public Video {
            evenSize(width, MAX_WIDTH, "video.width");
            evenSize(height, MAX_HEIGHT, "video.height");
            inRange(fps, 1, 60, "video.fps");
            oneOf(layout, LAYOUTS, "video.layout");
            oneOf(fit, FITS, "video.fit");
            tiers = List.copyOf(tiers);
            if (tiers.isEmpty()) {
                throw new IllegalArgumentException("video.tiers must list at least one tier");
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < tiers.size(); i++) {
                Tier tier = tiers.get(i);
                if (!names.add(tier.name())) {
                    throw new IllegalArgumentException("video.tiers: tier name '" + tier.name() + "' is used twice");
                }
                if (tier.width() > width || tier.height() > height) {
                    throw new IllegalArgumentException("video.tiers: tier '" + tier.name() + "' is " + tier.width()
                            + "x" + tier.height() + ", larger than the " + width + "x" + height + " canvas");
                }
                if (i > 0 && tier.bitrate() >= tiers.get(i - 1).bitrate()) {
                    throw new IllegalArgumentException("video.tiers must be in strictly descending bitrate, but tier '"
                            + tier.name() + "' (" + tier.bitrate() + ") follows '" + tiers.get(i - 1).name() + "' ("
                            + tiers.get(i - 1).bitrate() + ")");
                }
            }
        }
    }

    /** One encoding of the room's picture; sizes are even because the encoder works in 4:2:0. */
    public record Tier(String name, int width, int height, int bitrate) {
        public Tier {
            if (isBlank(name)) {
                throw new IllegalArgumentException("video.tiers: a tier needs a name");
            }
            evenSize(width, MAX_WIDTH, "video.tiers '" + name + "' width");
            evenSize(height, MAX_HEIGHT, "video.tiers '" + name + "' height");
            inRange(bitrate, MIN_TIER_BITRATE, MAX_TIER_BITRATE, "video.tiers '" + name + "' bitrate");
        }
    }

    /**
     * @param bitrate       Opus bitrate of each participant's mix, bits per second
     * @param mixedSpeakers how many of the loudest speakers are mixed at once
     */
    public record Audio(int bitrate, int mixedSpeakers) {
        public Audio {
            inRange(bitrate, 6000, 510000, "audio.bitrate");
            inRange(mixedSpeakers, 1, MAX_MIXED_SPEAKERS, "audio.mixedSpeakers");
        }
    }

    /**
     * @param emptyRoomGrace how long a room stays open after its last participant leaves
     * @param createOnJoin   whether joining an unknown room creates it (otherwise only the REST API does)
     */
    public record Rooms(int maxParticipants, int maxRooms, Duration emptyRoomGrace, boolean createOnJoin) {
        public Rooms {
            inRange(maxParticipants, 1, 64, "rooms.maxParticipants");
            positive(maxRooms, "rooms.maxRooms");
            required(emptyRoomGrace, "rooms.emptyRoomGrace");
            if (emptyRoomGrace.isNegative()) {
                throw new IllegalArgumentException("rooms.emptyRoomGrace must not be negative, got " + emptyRoomGrace);
            }
        }
    }

    /**
     * Where recordings are written (relative paths are against the working directory), and whether
     * every room is recorded from its first join ({@code autoStart}: none, webm, mkv or mp4), with
     * each participant's own media as well ({@code participants}).
     */
    public record Recording(Path directory, String autoStart, boolean participants) {
        public static final Set<String> AUTO_START = Set.of("none", "webm", "mkv", "mp4");

        public Recording {
            required(directory, "recording.directory");
            required(autoStart, "recording.autoStart");
            if (!AUTO_START.contains(autoStart)) {
                throw new IllegalArgumentException("recording.autoStart must be one of none, webm, mkv, mp4, got '"
                        + autoStart + "'");
            }
        }
    }

    /**
     * Join tokens and the REST API key. {@code toString} masks both secrets so the configuration can be
     * logged.
     */
    public record Auth(boolean enabled, String tokenSecret, String apiKey) {
        public Auth {
            if (enabled) {
                if (isBlank(tokenSecret) || isBlank(apiKey)) {
                    throw new IllegalArgumentException("auth.enabled is true, so auth.tokenSecret and auth.apiKey are "
                            + "both required; got tokenSecret " + (isBlank(tokenSecret) ? "unset" : "set")
                            + " and apiKey " + (isBlank(apiKey) ? "unset" : "set"));
                }
                int secretBytes = tokenSecret.getBytes(StandardCharsets.UTF_8).length;
                if (secretBytes < JoinTokens.MIN_SECRET_BYTES) {
                    throw new IllegalArgumentException("auth.tokenSecret must be at least " + JoinTokens.MIN_SECRET_BYTES
                            + " bytes (HS256 key), got " + secretBytes);
                }
            }
        }

        /** The HMAC key: the secret's UTF-8 bytes, as JWT libraries use a string secret. */
        public byte[] tokenSecretBytes() {
            return tokenSecret.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "Auth[enabled=" + enabled + ", tokenSecret=" + mask(tokenSecret) + ", apiKey=" + mask(apiKey) + "]";
        }
    }

    private static String mask(String secret) {
        return secret == null ? "null" : "***";
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static void required(Object value, String key) {
        if (value == null) {
            throw new IllegalArgumentException(key + " is required");
        }
    }

    private static void inRange(int value, int min, int max, String key) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    private static void positive(int value, String key) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }

    private static void evenSize(int value, int max, String key) {
        if (value < MIN_SIDE || value > max || value % 2 != 0) {
            throw new IllegalArgumentException(key + " must be an even number of pixels from " + MIN_SIDE + " to " + max
                    + ", got " + value);
        }
    }

    private static void oneOf(String value, Set<String> allowed, String key) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(key + " must be one of " + new TreeSet<>(allowed) + ", got '"
                    + value + "'");
        }
    }
}
