package io.chorus.signalling.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

class ConfigLoaderTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final String API_KEY = "api-key-of-twenty-chars";

    @TempDir
    Path dir;

    private static ChorusConfig load(String... args) {
        return ConfigLoader.load(args, Map.of());
    }

    private Path yaml(String text) throws IOException {
        Path file = dir.resolve("chorus.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void defaultsAreTheDocumentedOnes() throws Exception {
        ChorusConfig c = ChorusConfig.defaults();
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        assertEquals(new ChorusConfig.Http(loopback, 8080, List.of(), 1000, 32, 20, Duration.ofSeconds(30), 1 << 20),
                c.http());
        assertEquals(new ChorusConfig.Media(loopback, 10000, null, List.of(), IceConfig.Limits.DEFAULT), c.media());
        assertEquals(new ChorusConfig.Dtls(null, null), c.dtls());
        assertTrue(c.dtls().generated());
        assertEquals(List.of(), c.clientIceServers());
        ConferenceSettings conference = c.conference();
        assertEquals(RoomMixerConfig.defaults(), conference.mixer());
        assertEquals(LayoutName.GRID, conference.layout());
        assertEquals(List.of(new VideoTier("high", 1280, 720, 1500000), new VideoTier("medium", 640, 360, 500000),
                new VideoTier("low", 320, 180, 150000)), conference.tiers());
        assertEquals(new RoomLimits(16, 32, Duration.ofSeconds(30), true, Duration.ofSeconds(30), 4, 4, 2, 50),
                conference.limits());
        assertEquals(new RecordingSettings(Path.of("recordings"), null, false, RecordingOptions.defaults(), 1024),
                conference.recording());
        assertEquals(BroadcastSettings.defaults(), conference.broadcast());
        assertEquals(new ChorusConfig.Auth(false, null, null, false), c.auth());
    }

    @Test
    void flagBeatsEnvironmentBeatsYamlBeatsDefault() throws Exception {
        Path file = yaml("http: {port: 9001}\nmedia: {port: 10001}\naudio: {bitrate: 40000}\n");
        Map<String, String> env = Map.of("CHORUS_CONFIG", file.toString(), "CHORUS_HTTP_PORT", "9002",
                "CHORUS_MEDIA_PORT", "10002");
        ChorusConfig c = ConfigLoader.load(new String[] {"--http.port=9003"}, env);
        assertEquals(9003, c.http().port(), "flag over environment");
        assertEquals(10002, c.media().port(), "environment over YAML");
        assertEquals(40000, c.conference().mixer().audioBitrateBps(), "YAML over default");
        assertEquals(3, c.conference().mixer().mixedSpeakers(), "default where nothing is set");
    }

    @Test
    void configFlagBeatsConfigEnvironmentVariable() throws Exception {
        Path flagged = yaml("http: {port: 9001}\n");
        Path other = dir.resolve("other.yaml");
        Files.writeString(other, "http: {port: 9002}\n");
        ChorusConfig c = ConfigLoader.load(new String[] {"--config=" + flagged},
                Map.of("CHORUS_CONFIG", other.toString()));
        assertEquals(9001, c.http().port());
    }

    @Test
    void emptyFlagOrVariableUnsetsWhatTheFileSet() throws Exception {
        Path file = yaml("media: {publicAddress: 203.0.113.7, stun: ['127.0.0.1:3478']}\n");
        ChorusConfig c = ConfigLoader.load(new String[] {"--config=" + file, "--media.publicAddress="},
                Map.of("CHORUS_MEDIA_STUN", ""));
        assertNull(c.media().publicAddress());
        assertEquals(List.of(), c.media().stun());
    }

    /** Each key, set on its own, reaches its own field: none is ignored or bound to another. */
    static Stream<Arguments> everyKey() throws Exception {
        InetAddress doc = InetAddress.getByName("203.0.113.7");
        return Stream.of(
                key("http.address", "127.0.0.2", c -> c.http().address(), InetAddress.getByName("127.0.0.2")),
                key("http.port", "9000", c -> c.http().port(), 9000),
                key("media.address", "127.0.0.3", c -> c.media().address(), InetAddress.getByName("127.0.0.3")),
                key("media.port", "10001", c -> c.media().port(), 10001),
                key("media.publicAddress", "203.0.113.7", c -> c.media().publicAddress(), doc),
                key("media.stun", "127.0.0.1:3478, [::1]:3479", c -> c.media().stun(), List.of(
                        new InetSocketAddress("127.0.0.1", 3478), new InetSocketAddress("::1", 3479))),
                key("dtls.certificate", "cert.pem", c -> c.dtls().certificate(), Path.of("cert.pem"),
                        "--dtls.privateKey=key.pem"),
                key("dtls.privateKey", "key.pem", c -> c.dtls().privateKey(), Path.of("key.pem"),
                        "--dtls.certificate=cert.pem"),
                key("clientIceServers", "stun:stun.example.com:3478,turn:ann:p@ss:w@rd@turn.example.com:3478",
                        c -> c.clientIceServers(), List.of(
                                new ChorusConfig.IceServer(List.of("stun:stun.example.com:3478"), null, null),
                                new ChorusConfig.IceServer(List.of("turn:turn.example.com:3478"), "ann", "p@ss:w@rd"))),
                key("video.width", "1920", c -> c.conference().mixer().canvasWidth(), 1920),
                key("video.height", "1080", c -> c.conference().mixer().canvasHeight(), 1080),
                key("video.fps", "60", c -> c.conference().mixer().fps(), 60),
                key("video.layout", "speaker", c -> c.conference().layout(), LayoutName.SPEAKER),
                key("video.fit", "crop", c -> c.conference().mixer().fit(), FitPolicy.CROP),
                key("video.tiers", "640x360@600000,top:320x180@200000", c -> c.conference().tiers(), List.of(
                        new VideoTier("high", 640, 360, 600000), new VideoTier("top", 320, 180, 200000))),
                key("audio.bitrate", "64000", c -> c.conference().mixer().audioBitrateBps(), 64000),
                key("audio.mixedSpeakers", "4", c -> c.conference().mixer().mixedSpeakers(), 4),
                key("rooms.maxParticipants", "64", c -> c.conference().limits().maxParticipants(), 64),
                key("rooms.maxRooms", "2", c -> c.conference().limits().maxRooms(), 2),
                key("rooms.emptyRoomGrace", "500ms", c -> c.conference().limits().emptyRoomGrace(), Duration.ofMillis(500)),
                key("rooms.connectTimeout", "45s", c -> c.conference().limits().connectTimeout(), Duration.ofSeconds(45)),
                key("media.maxRemoteAddresses", "4", c -> c.media().limits().maxRemoteAddresses(), 4),
                key("media.maxRemoteCandidates", "10", c -> c.media().limits().maxRemoteCandidates(), 10),
                key("rooms.maxRecordings", "1", c -> c.conference().limits().maxRecordings(), 1),
                key("rooms.maxBroadcasts", "0", c -> c.conference().limits().maxBroadcasts(), 0),
                key("rooms.chatHistory", "0", c -> c.conference().limits().chatHistory(), 0),
                key("recording.minFreeMegabytes", "0", c -> c.conference().recording().minFreeMegabytes(), 0),
                key("rooms.maxEchoSessions", "0", c -> c.conference().limits().maxEchoSessions(), 0),
                key("rooms.createOnJoin", "false", c -> c.conference().limits().createOnJoin(), false),
                key("recording.directory", "/var/lib/chorus", c -> c.conference().recording().directory(), Path.of("/var/lib/chorus")),
                key("recording.autoStart", "mp4", c -> c.conference().recording().autoRecord(), RecordingFormat.MP4),
                key("recording.participants", "true", c -> c.conference().recording().autoRecordParticipants(), true),
                key("recording.aacBitrate", "128000", c -> c.conference().recording().options().aacBitrateBps(), 128000),
                key("recording.queueCapacity", "100", c -> c.conference().recording().options().queueCapacity(), 100),
                key("recording.fragmentLength", "2s", c -> c.conference().recording().options().fragmentLength(),
                        Duration.ofSeconds(2)),
                key("recording.stopTimeout", "30s", c -> c.conference().recording().options().stopTimeout(),
                        Duration.ofSeconds(30)),
                key("recording.fsync", "false", c -> c.conference().recording().options().syncToDisk(), false),
                key("broadcast.videoBitrate", "4000000", c -> c.conference().broadcast().videoBitrateBps(), 4000000),
                key("broadcast.audioBitrate", "160000", c -> c.conference().broadcast().audioBitrateBps(), 160000),
                key("broadcast.keyFrameInterval", "4s", c -> c.conference().broadcast().keyFrameInterval(),
                        Duration.ofSeconds(4)),
                key("broadcast.ioTimeout", "10s", c -> c.conference().broadcast().ioTimeout(), Duration.ofSeconds(10)),
                key("broadcast.reconnectFirstWait", "2s", c -> c.conference().broadcast().reconnectFirstWait(),
                        Duration.ofSeconds(2)),
                key("broadcast.reconnectMaxWait", "1m", c -> c.conference().broadcast().reconnectMaxWait(),
                        Duration.ofMinutes(1)),
                key("auth.enabled", "true", c -> c.auth().enabled(), true, "--auth.tokenSecret=" + SECRET,
                        "--auth.apiKey=" + API_KEY),
                key("auth.tokenSecret", SECRET, c -> c.auth().tokenSecret(), SECRET),
                key("auth.apiKey", API_KEY, c -> c.auth().apiKey(), API_KEY),
                key("auth.allowInsecure", "true", c -> c.auth().allowInsecure(), true),
                key("http.allowedOrigins", "https://meet.example.com,http://10.0.0.5:8080", c -> c.http().allowedOrigins(),
                        List.of("https://meet.example.com", "http://10.0.0.5:8080")),
                key("http.maxConnections", "50", c -> c.http().maxConnections(), 50, "--http.maxConnectionsPerAddress=5"),
                key("http.maxConnectionsPerAddress", "4", c -> c.http().maxConnectionsPerAddress(), 4),
                key("http.maxMessagesPerSecond", "5", c -> c.http().maxMessagesPerSecond(), 5),
                key("http.joinTimeout", "2m", c -> c.http().joinTimeout(), Duration.ofMinutes(2)),
                key("http.maxPendingReplyBytes", "65536", c -> c.http().maxPendingReplyBytes(), 65536),
                key("audio.opusLibrary", "bundled", ChorusConfig::opusLibrary, "bundled"),
                key("webhooks.urls", "http://127.0.0.1:9/a,https://127.0.0.1:9/b", c -> c.webhooks().urls(),
                        List.of(URI.create("http://127.0.0.1:9/a"), URI.create("https://127.0.0.1:9/b")),
                        "--webhooks.secret=" + SECRET),
                key("webhooks.secret", SECRET, c -> c.webhooks().secret(), SECRET),
                key("webhooks.timeout", "2s", c -> c.webhooks().timeout(), Duration.ofSeconds(2)),
                key("webhooks.queueCapacity", "50", c -> c.webhooks().queueCapacity(), 50),
                key("webhooks.maxAttempts", "3", c -> c.webhooks().maxAttempts(), 3),
                key("webhooks.retryFirstWait", "250ms", c -> c.webhooks().retryFirstWait(), Duration.ofMillis(250)),
                key("webhooks.retryMaxWait", "5m", c -> c.webhooks().retryMaxWait(), Duration.ofMinutes(5)),
                key("log.format", "json", ChorusConfig::logFormat, LogFormat.JSON));
    }

    private static Arguments key(String path, String value, Function<ChorusConfig, Object> field, Object expected,
            String... otherFlags) {
        return Arguments.of(path, value, field, expected, otherFlags);
    }

    @Test
    void everyKeyIsCovered() throws Exception {
        Set<String> tested = everyKey().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        assertEquals(Settings.ALL.stream().map(Setting::path).collect(Collectors.toSet()), tested);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKey")
    void everyKeyReachesItsFieldFromFlagAndEnvironment(String path, String value, Function<ChorusConfig, Object> field,
            Object expected, String[] otherFlags) {
        assertNotEquals(expected, field.apply(ChorusConfig.defaults()), "test value must differ from the default");
        String[] args = Stream.concat(Stream.of("--" + path + "=" + value), Stream.of(otherFlags))
                .toArray(String[]::new);
        assertEquals(expected, field.apply(load(args)));
        Setting setting = Settings.byPath(path).orElseThrow();
        assertEquals(expected, field.apply(ConfigLoader.load(otherFlags, Map.of(setting.envName(), value))));
    }

    @Test
    void environmentNamesFollowTheKeys() {
        assertEquals("CHORUS_HTTP_PORT", Settings.byPath("http.port").orElseThrow().envName());
        assertEquals("CHORUS_MEDIA_PUBLIC_ADDRESS", Settings.byPath("media.publicAddress").orElseThrow().envName());
        assertEquals("CHORUS_AUTH_TOKEN_SECRET", Settings.byPath("auth.tokenSecret").orElseThrow().envName());
        assertEquals("CHORUS_CLIENT_ICE_SERVERS", Settings.byPath("clientIceServers").orElseThrow().envName());
    }

    @Test
    void yamlListsInTheirLongForm() throws Exception {
        ChorusConfig c = load("--config=" + yaml("""
                media:
                  stun: ["127.0.0.1:3478"]
                clientIceServers:
                  - urls: ["turn:turn.example.com:3478?transport=udp", "turns:turn.example.com:5349"]
                    username: u
                    credential: c
                video:
                  tiers:
                    - {width: 640, height: 360, bitrate: 500000}
                    - {name: tiny, width: 160, height: 90, bitrate: 50000}
                """));
        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 3478)), c.media().stun());
        assertEquals(List.of(new ChorusConfig.IceServer(
                List.of("turn:turn.example.com:3478?transport=udp", "turns:turn.example.com:5349"), "u", "c")),
                c.clientIceServers());
        assertEquals(List.of(new VideoTier("high", 640, 360, 500000), new VideoTier("tiny", 160, 90, 50000)),
                c.conference().tiers());
    }

    static Stream<Arguments> invalidFlags() {
        return Stream.of(
                Arguments.of(new String[] {"http.port=1"}, "expected --KEY=VALUE, got 'http.port=1'"),
                Arguments.of(new String[] {"--http.port"}, "expected --KEY=VALUE, got '--http.port'"),
                Arguments.of(new String[] {"--http-port=1"}, "unknown flag --http-port"),
                Arguments.of(new String[] {"--http.port=1", "--http.port=2"}, "flag --http.port is given twice"),
                Arguments.of(new String[] {"--http.port=abc"},
                        "http.port (flag --http.port): expected an integer, got 'abc'"),
                Arguments.of(new String[] {"--http.port=70000"}, "http.port must be between 0 and 65535, got 70000"),
                Arguments.of(new String[] {"--http.port=-1"}, "http.port must be between 0 and 65535, got -1"),
                Arguments.of(new String[] {"--media.port=0"}, "media.port must be between 1 and 65535, got 0"),
                Arguments.of(new String[] {"--media.address=0.0.0.0"}, "media.address must be a concrete address"),
                Arguments.of(new String[] {"--media.address="}, "media.address is required"),
                Arguments.of(new String[] {"--media.stun=127.0.0.1"},
                        "media.stun (flag --media.stun): expected host:port entries with a port from 1 to 65535, "
                                + "got \"127.0.0.1\""),
                Arguments.of(new String[] {"--media.stun=127.0.0.1:0"}, "got \"127.0.0.1:0\""),
                Arguments.of(new String[] {"--media.stun=127.0.0.1:3478,,127.0.0.1:3479"},
                        "media.stun (flag --media.stun): empty entry in the list"),
                Arguments.of(new String[] {"--dtls.certificate=cert.pem"},
                        "dtls.certificate and dtls.privateKey must be given together"),
                Arguments.of(new String[] {"--dtls.privateKey=key.pem"},
                        "dtls.certificate and dtls.privateKey must be given together"),
                Arguments.of(new String[] {"--clientIceServers=turn:turn.example.com:3478"},
                        "clientIceServers: TURN URL 'turn:turn.example.com:3478' needs a username and a credential"),
                Arguments.of(new String[] {"--clientIceServers=turn:ann@turn.example.com:3478"},
                        "clientIceServers (flag --clientIceServers): expected USER:PASSWORD@ before the host in "
                                + "'turn:...@turn.example.com:3478'"),
                Arguments.of(new String[] {"--clientIceServers=http://example.com"},
                        "clientIceServers: URL 'http://example.com' must be stun:, stuns:, turn: or turns:"),
                Arguments.of(new String[] {"--video.width=641"},
                        "video.width must be an even number of pixels from 16 to 3840, got 641"),
                Arguments.of(new String[] {"--video.width=3842"},
                        "video.width must be an even number of pixels from 16 to 3840, got 3842"),
                Arguments.of(new String[] {"--video.height=0"},
                        "video.height must be an even number of pixels from 16 to 2160, got 0"),
                Arguments.of(new String[] {"--video.height=2162"},
                        "video.height must be an even number of pixels from 16 to 2160, got 2162"),
                Arguments.of(new String[] {"--video.fps=0"}, "video.fps must be between 1 and 60, got 0"),
                Arguments.of(new String[] {"--video.fps=61"}, "video.fps must be between 1 and 60, got 61"),
                Arguments.of(new String[] {"--log.format=logfmt"}, "log.format must be text or json, got 'logfmt'"),
                Arguments.of(new String[] {"--video.layout=mosaic"},
                        "video.layout must be one of grid, speaker, got 'mosaic'"),
                Arguments.of(new String[] {"--video.fit=stretch"},
                        "video.fit must be one of letterbox, crop, got 'stretch'"),
                Arguments.of(new String[] {"--recording.autoStart=avi"},
                        "recording.autoStart must be one of none, webm, mkv, mp4, got 'avi'"),
                Arguments.of(new String[] {"--video.tiers=640x360@500000,320x180@500000"},
                        "video.tiers must be in strictly descending bitrate, but 'medium' (500000) follows "
                                + "'high' (500000)"),
                Arguments.of(new String[] {"--video.tiers=1920x1080@3000000"},
                        "video.tiers 'high' is 1920x1080, larger than the 1280x720 canvas"),
                Arguments.of(new String[] {"--video.tiers=641x360@500000"},
                        "video.tiers 'high' width must be an even number of pixels from 16 to 3840, got 641"),
                Arguments.of(new String[] {"--video.tiers=640x14@500000"},
                        "video.tiers 'high' height must be an even number of pixels from 16 to 2160, got 14"),
                Arguments.of(new String[] {"--video.tiers=640x360@29999"},
                        "video.tiers 'high' bitrate must be between 30000 and 20000000, got 29999"),
                Arguments.of(new String[] {"--video.width=3840", "--video.height=2160", "--video.tiers=3840x2160@20000001"},
                        "video.tiers 'high' bitrate must be between 30000 and 20000000, got 20000001"),
                Arguments.of(new String[] {"--video.tiers=a:640x360@500000,a:320x180@100000"},
                        "video.tiers name 'a' is used twice"),
                Arguments.of(new String[] {"--video.tiers=64x64@40000,48x48@39000,32x32@38000,16x16@37000"},
                        "video.tiers[3]: needs a name (only the first 3 tiers default to high, medium, low)"),
                Arguments.of(new String[] {"--video.tiers="}, "video.tiers must list at least one tier"),
                Arguments.of(new String[] {"--video.tiers=640*360"},
                        "video.tiers (flag --video.tiers): expected [NAME:]WIDTHxHEIGHT@BITRATE such as "
                                + "medium:640x360@500000, got '640*360'"),
                Arguments.of(new String[] {"--audio.bitrate=0"}, "audio.bitrate must be between 6000 and 256000, got 0"),
                Arguments.of(new String[] {"--audio.bitrate=256001"},
                        "audio.bitrate must be between 6000 and 256000, got 256001"),
                Arguments.of(new String[] {"--audio.mixedSpeakers=0"},
                        "audio.mixedSpeakers must be between 1 and 16, got 0"),
                Arguments.of(new String[] {"--audio.mixedSpeakers=17"},
                        "audio.mixedSpeakers must be between 1 and 16, got 17"),
                Arguments.of(new String[] {"--rooms.maxParticipants=0"},
                        "rooms.maxParticipants must be between 1 and 64, got 0"),
                Arguments.of(new String[] {"--rooms.maxParticipants=65"},
                        "rooms.maxParticipants must be between 1 and 64, got 65"),
                Arguments.of(new String[] {"--rooms.maxRooms=0"}, "rooms.maxRooms must be positive, got 0"),
                Arguments.of(new String[] {"--rooms.emptyRoomGrace=30"},
                        "rooms.emptyRoomGrace (flag --rooms.emptyRoomGrace): expected a duration such as 500ms, 30s, "
                                + "2m or 1h, got \"30\""),
                Arguments.of(new String[] {"--rooms.createOnJoin=yes"},
                        "rooms.createOnJoin (flag --rooms.createOnJoin): expected true or false, got 'yes'"),
                Arguments.of(new String[] {"--recording.directory="}, "recording.directory is required"),
                Arguments.of(new String[] {"--auth.enabled=true"},
                        "auth.enabled is true, so auth.tokenSecret and auth.apiKey are both required; got tokenSecret "
                                + "unset and apiKey unset"),
                Arguments.of(new String[] {"--auth.enabled=true", "--auth.tokenSecret=" + SECRET},
                        "got tokenSecret set and apiKey unset"),
                Arguments.of(new String[] {"--auth.enabled=true", "--auth.apiKey=k"},
                        "got tokenSecret unset and apiKey set"),
                Arguments.of(new String[] {"--auth.enabled=true", "--auth.apiKey=k", "--auth.tokenSecret=short"},
                        "auth.tokenSecret must be at least 32 bytes (HS256 key), got 5"),
                Arguments.of(new String[] {"--auth.enabled=true", "--auth.apiKey=k", "--auth.tokenSecret=" + SECRET},
                        "auth.apiKey must be at least 16 characters, got 1"),
                Arguments.of(new String[] {"--http.address=0.0.0.0"},
                        "http.address 0.0.0.0 is reachable from other machines and auth is off"),
                Arguments.of(new String[] {"--http.allowedOrigins=https://meet.example.com/path"},
                        "http.allowedOrigins: 'https://meet.example.com/path' must be an origin as browsers send it"),
                Arguments.of(new String[] {"--http.maxConnectionsPerAddress=2000"},
                        "http.maxConnectionsPerAddress must be between 1 and 1000, got 2000"),
                Arguments.of(new String[] {"--http.joinTimeout=500ms"}, "http.joinTimeout must be from 1s to 60m"),
                Arguments.of(new String[] {"--media.maxRemoteCandidates=0"},
                        "media.maxRemoteCandidates must be between 1 and 1000, got 0"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidFlags")
    void invalidFlagsAreRefusedNamingKeyAndValue(String[] args, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load(args));
        assertTrue(e.getMessage().contains(message), () -> "expected '" + message + "' in: " + e.getMessage());
    }

    @Test
    void invalidEnvironmentIsRefusedNamingTheVariable() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(new String[0], Map.of("CHORUS_HTTP_PROT", "1")));
        assertEquals("unknown environment variable CHORUS_HTTP_PROT; --help lists the keys", unknown.getMessage());
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(new String[0], Map.of("CHORUS_VIDEO_FPS", "fast")));
        assertEquals("video.fps (environment variable CHORUS_VIDEO_FPS): expected an integer, got 'fast'",
                wrongType.getMessage());
        ChorusConfig unrelated = ConfigLoader.load(new String[0], Map.of("PATH", "/bin", "CHORUSX", "1"));
        assertEquals(ChorusConfig.defaults(), unrelated, "only CHORUS_ variables are settings");
    }

    static Stream<Arguments> invalidYaml() {
        return Stream.of(
                Arguments.of("htp: {port: 1}\n", "unknown key 'htp'; known top-level keys: http, media, dtls, "
                        + "clientIceServers, video, audio, rooms, recording, broadcast, webhooks, log, auth"),
                Arguments.of("http: {prot: 1}\n", "unknown key 'http.prot'; known keys under 'http': address, port"),
                Arguments.of("video: {tiers: [{name: a, width: 32, height: 32, bitrate: 50000, fps: 5}]}\n",
                        "video.tiers[0]: unknown key 'fps'; known: "),
                Arguments.of("clientIceServers: [{urls: ['stun:stun.example.com'], user: u}]\n",
                        "clientIceServers[0]: unknown key 'user'"),
                Arguments.of("clientIceServers: [{urls: 'stun:stun.example.com'}]\n",
                        "clientIceServers[0].urls: expected a list of URLs, got \"stun:stun.example.com\""),
                Arguments.of("http: {port: '8080'}\n", ": expected an integer, got \"8080\""),
                Arguments.of("http: {port: 80.5}\n", "http.port (file "),
                Arguments.of("video: {tiers: [{width: 32, height: 32}]}\n",
                        "video.tiers[0].bitrate: expected an integer, got nothing"),
                Arguments.of("video: {tiers: 640x360@500000}\n", "video.tiers (file "),
                Arguments.of("rooms: {createOnJoin: 1}\n", "expected true or false, got 1"),
                Arguments.of("http: 8080\n", "'http' must be a mapping of address, port, allowedOrigins"),
                Arguments.of("http: {port: 1}\nhttp: {port: 2}\n", "Duplicate field 'http'"),
                Arguments.of("- http\n", "must hold a mapping of keys, got array"),
                Arguments.of("auth: {tokenSecret: 12345678901234567890123456789012345}\n",
                        "auth.tokenSecret (file "));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidYaml")
    void invalidYamlIsRefusedNamingTheKey(String text, String message) throws Exception {
        Path file = yaml(text);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load("--config=" + file));
        assertTrue(e.getMessage().contains(message), () -> "expected '" + message + "' in: " + e.getMessage());
    }

    @Test
    void secretsNeverAppearInErrorsOrToString() throws Exception {
        Path file = yaml("auth: {tokenSecret: 12345678901234567890123456789012345}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load("--config=" + file));
        assertFalse(e.getMessage().contains("1234567890"), e.getMessage());
        assertTrue(e.getMessage().endsWith("expected text, got a number"), e.getMessage());

        ChorusConfig c = load("--auth.enabled=true", "--auth.tokenSecret=" + SECRET, "--auth.apiKey=api-key-value-of-twenty",
                "--clientIceServers=turn:ann:turn-password@turn.example.com:3478");
        String logged = c.toString();
        assertFalse(logged.contains(SECRET) || logged.contains("api-key-value-of-twenty") || logged.contains("turn-password"),
                logged);
        assertTrue(logged.contains("username=ann"), logged);
    }

    @Test
    void missingOrEmptyFiles() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load("--config=" + dir.resolve("absent.yaml")));
        assertTrue(e.getMessage().contains("absent.yaml does not exist"), e.getMessage());
        assertEquals(ChorusConfig.defaults(), load("--config=" + yaml("# nothing set\n")));
    }

    @Test
    void usageListsEveryKeyWithFlagEnvironmentVariableAndDefault() {
        String usage = ConfigLoader.usage();
        for (Setting s : Settings.ALL) {
            assertTrue(usage.contains(s.flag() + "=" + s.kind().form() + "\n      " + s.meaning() + "\n      env "
                    + s.envName() + ", default " + (s.defaultText().isEmpty() ? "none" : s.defaultText())),
                    s.path());
        }
        assertTrue(usage.contains("--video.tiers=[NAME:]WIDTHxHEIGHT@BITRATE,...\n"), usage);
        assertTrue(usage.contains("default high:1280x720@1500000,medium:640x360@500000,low:320x180@150000"), usage);
    }
}
