package io.chorus.signalling.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every configuration key with its default and meaning: the one list --help and the loader use. */
final class Settings {
    static final List<Setting> ALL = List.of(
            new Setting("http.address", Kind.TEXT, "127.0.0.1", "address the HTTP/WebSocket server binds"),
            new Setting("http.port", Kind.INT, "8080", "HTTP/WebSocket port, 0 for any free port"),
            new Setting("http.allowedOrigins", Kind.TEXT_LIST, "",
                    "origins of web pages, besides the server's own reached by IP or localhost, that may use the "
                            + "WebSocket, REST API and metrics (https://meet.example.com)"),
            new Setting("http.maxConnections", Kind.INT, "1000", "HTTP/WebSocket connections the server holds at once"),
            new Setting("http.maxConnectionsPerAddress", Kind.INT, "32",
                    "HTTP/WebSocket connections one remote address may hold at once"),
            new Setting("http.maxMessagesPerSecond", Kind.INT, "20",
                    "messages a second one WebSocket client may send on average (bursts of twice that); beyond, "
                            + "the connection is closed"),
            new Setting("http.joinTimeout", Kind.TEXT, "30s",
                    "how long a WebSocket may stay open without joining a room, 1s to 60m"),
            new Setting("http.maxPendingReplyBytes", Kind.INT, "1048576",
                    "replies queued for a WebSocket client that does not read them before it is closed"),
            new Setting("media.address", Kind.TEXT, "127.0.0.1",
                    "address of the shared UDP media port, advertised to browsers; not 0.0.0.0"),
            new Setting("media.port", Kind.INT, "10000", "the one UDP port all participants' media shares"),
            new Setting("media.publicAddress", Kind.TEXT, "",
                    "public IP advertised as well, for a server behind a 1:1 NAT forwarding media.port"),
            new Setting("media.stun", Kind.HOST_PORTS, "",
                    "STUN servers asked once at start-up for the public IP when media.publicAddress is unset"),
            new Setting("media.maxRemoteAddresses", Kind.INT, "8",
                    "source addresses one session accepts, each only after an authenticated Binding Request, 1 to 64"),
            new Setting("media.maxRemoteCandidates", Kind.INT, "32",
                    "remote ICE candidates one session takes; more are dropped and counted, 1 to 1000"),
            new Setting("dtls.certificate", Kind.TEXT, "",
                    "PEM certificate for DTLS; unset: a fresh ECDSA P-256 certificate each start"),
            new Setting("dtls.privateKey", Kind.TEXT, "", "PEM PKCS#8 private key of dtls.certificate"),
            new Setting("clientIceServers", Kind.ICE_SERVERS, "",
                    "STUN/TURN servers handed to browsers in 'joined' (RTCPeerConnection iceServers)"),
            new Setting("video.width", Kind.INT, "1280", "width of the composited picture, even, 16 to 3840"),
            new Setting("video.height", Kind.INT, "720", "height of the composited picture, even, 16 to 2160"),
            new Setting("video.fps", Kind.INT, "30", "frames per second of the composited picture, 1 to 60"),
            new Setting("video.layout", Kind.TEXT, "grid",
                    "grid (everyone the same size) or speaker (the active speaker large)"),
            new Setting("video.fit", Kind.TEXT, "letterbox",
                    "letterbox (whole picture, with bars) or crop (fill the tile, edges cut)"),
            new Setting("video.tiers", Kind.TIERS, "high:1280x720@1500000,medium:640x360@500000,low:320x180@150000",
                    "encodings sent to participants (bitrate 30000 to 20000000 bits/s), strictly descending bitrate, "
                            + "none larger than the picture"),
            new Setting("audio.bitrate", Kind.INT, "32000", "Opus bitrate of each participant's mix, 6000 to 256000"),
            new Setting("audio.mixedSpeakers", Kind.INT, "3", "how many of the loudest speakers are mixed at once, 1 to 16"),
            new Setting("audio.opusLibrary", Kind.TEXT, "auto",
                    "libopus the Opus encoders and decoders call: system (Debian's libopus0, needs the JVM options "
                            + "--add-modules=jdk.incubator.foreign --enable-native-access=ALL-UNNAMED), bundled (FFmpeg's, "
                            + "unoptimised: about twice the CPU), auto (system if it loads, else bundled with a warning), "
                            + "or an absolute path to a libopus.so"),
            new Setting("rooms.maxParticipants", Kind.INT, "16", "participants per room, 1 to 64"),
            new Setting("rooms.maxRooms", Kind.INT, "32", "rooms open at once"),
            new Setting("rooms.emptyRoomGrace", Kind.TEXT, "30s",
                    "how long an empty room stays open (ms, s, m or h: 500ms, 30s, 2m)"),
            new Setting("rooms.createOnJoin", Kind.BOOLEAN, "true",
                    "joining an unknown room creates it; false: only the REST API creates rooms"),
            new Setting("rooms.connectTimeout", Kind.TEXT, "30s",
                    "how long a participant may take from joining to connected media (offer, ICE, DTLS) before it "
                            + "is made to leave, 1s to 10m"),
            new Setting("rooms.maxEchoSessions", Kind.INT, "4",
                    "sessions the echo test room holds at once, 0 to turn it off"),
            new Setting("rooms.maxRecordings", Kind.INT, "4", "recordings one room runs at once, 0 to 100"),
            new Setting("rooms.maxBroadcasts", Kind.INT, "2", "RTMP broadcasts one room runs at once, 0 to 100"),
            new Setting("rooms.chatHistory", Kind.INT, "50",
                    "chat messages a room keeps for those who join later (sent in joined), 0 to 1000"),
            new Setting("recording.directory", Kind.TEXT, "recordings", "where recordings are written"),
            new Setting("recording.autoStart", Kind.TEXT, "none",
                    "record every room from its first join: none, webm, mkv or mp4"),
            new Setting("recording.participants", Kind.BOOLEAN, "false",
                    "with autoStart: also record each participant's own audio and video, unmixed"),
            new Setting("recording.aacBitrate", Kind.INT, "96000", "AAC bitrate of MP4 recordings, 16000 to 320000"),
            new Setting("recording.queueCapacity", Kind.INT, "640",
                    "frames a recording's writer may fall behind (a slow disk) before frames are dropped, 16 to 100000"),
            new Setting("recording.fragmentLength", Kind.TEXT, "1s",
                    "the most a crash can cost a recording: Matroska clusters and MP4 fragments close at least this "
                            + "often, 100ms to 10s"),
            new Setting("recording.fsync", Kind.BOOLEAN, "true",
                    "fsync each recording after every closed cluster or fragment (at most once per fragmentLength), "
                            + "so a power cut or kernel crash loses no more than a killed process"),
            new Setting("recording.minFreeMegabytes", Kind.INT, "1024",
                    "free space the recording directory's disk needs for a recording to start, in MB"),
            new Setting("recording.stopTimeout", Kind.TEXT, "10s",
                    "how long stopping a recording waits for its writer; a writer stuck on a stalled disk ends the "
                            + "recording FAILED instead of holding the caller, 100ms to 10m"),
            new Setting("broadcast.videoBitrate", Kind.INT, "2500000",
                    "H.264 bitrate of an RTMP broadcast (at the room's canvas size), 100000 to 20000000"),
            new Setting("broadcast.audioBitrate", Kind.INT, "128000", "AAC bitrate of an RTMP broadcast, 16000 to 320000"),
            new Setting("broadcast.keyFrameInterval", Kind.TEXT, "2s",
                    "longest gap between key frames of a broadcast (ingest services ask for 2s), 500ms to 10s"),
            new Setting("broadcast.ioTimeout", Kind.TEXT, "5s",
                    "how long connecting or sending may block before a broadcast's connection counts as lost, 500ms to 60s"),
            new Setting("broadcast.reconnectFirstWait", Kind.TEXT, "1s",
                    "wait before a broadcast's first reconnection; it doubles after each failure, 100ms to 5m"),
            new Setting("broadcast.reconnectMaxWait", Kind.TEXT, "30s",
                    "longest wait between a broadcast's reconnections, at least reconnectFirstWait, up to 30m"),
            new Setting("webhooks.urls", Kind.TEXT_LIST, "",
                    "http(s) URLs that receive rooms' events as signed JSON (docs/webhooks.md), at most 8"),
            new Setting("webhooks.secret", Kind.TEXT, "",
                    "HMAC-SHA256 key of the webhook-signature header, at least 32 bytes; required with urls"),
            new Setting("webhooks.timeout", Kind.TEXT, "5s", "how long one delivery attempt may take, 100ms to 60s"),
            new Setting("webhooks.queueCapacity", Kind.INT, "1000",
                    "events one receiver may have waiting; beyond, new events are dropped and counted, 1 to 100000"),
            new Setting("webhooks.maxAttempts", Kind.INT, "10",
                    "attempts per event before it is abandoned and counted, 1 to 100"),
            new Setting("webhooks.retryFirstWait", Kind.TEXT, "1s",
                    "wait after an event's first failed attempt; it doubles after each failure, 100ms to 5m"),
            new Setting("webhooks.retryMaxWait", Kind.TEXT, "60s",
                    "longest wait between attempts, at least retryFirstWait, up to 1h"),
            new Setting("log.format", Kind.TEXT, "text",
                    "standard output's log lines: text (for a person) or json (one object per line with room and "
                            + "participant ids as fields, for a log collector)"),
            new Setting("auth.enabled", Kind.BOOLEAN, "false",
                    "require a join token on join and the API key on the REST API"),
            new Setting("auth.tokenSecret", Kind.TEXT, "",
                    "HMAC-SHA256 secret of join tokens, at least 32 bytes; required when auth.enabled"),
            new Setting("auth.apiKey", Kind.TEXT, "",
                    "REST API key, sent as 'Authorization: Bearer KEY', at least 16 characters; required when "
                            + "auth.enabled"),
            new Setting("auth.allowInsecure", Kind.BOOLEAN, "false",
                    "run with auth off on an address other machines can reach (http.address not loopback)"));

    private Settings() {
    }

    static Optional<Setting> byPath(String path) {
        return ALL.stream().filter(s -> s.path().equals(path)).findFirst();
    }

    static Optional<Setting> byEnvName(String name) {
        return ALL.stream().filter(s -> s.envName().equals(name)).findFirst();
    }

    /** The names directly under a YAML section ("" for the top level), for unknown-key messages. */
    static Set<String> childrenOf(String section) {
        String prefix = section.isEmpty() ? "" : section + ".";
        Set<String> children = new LinkedHashSet<>();
        for (Setting s : ALL) {
            if (s.path().startsWith(prefix)) {
                String rest = s.path().substring(prefix.length());
                children.add(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
            }
        }
        return children;
    }

    static String usage() {
        StringBuilder out = new StringBuilder();
        out.append("Usage: chorus [--config=FILE.yaml] [--KEY=VALUE ...]\n\n")
                .append("Each key is taken from, lowest precedence first: its default, the YAML file (--config or\n")
                .append("CHORUS_CONFIG), the environment variable CHORUS_<KEY>, the flag --KEY. An empty value means\n")
                .append("none. See docs/configuration.md.\n\n");
        for (Setting s : ALL) {
            out.append(String.format("  %s=%s%n      %s%n      env %s, default %s%n", s.flag(), s.kind().form(),
                    s.meaning(), s.envName(), s.defaultText().isEmpty() ? "none" : s.defaultText()));
        }
        return out.toString();
    }
}
