package io.chorus.samples.load;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Synthetic participants against a running Chorus server, over the real protocol (WebSocket, ICE,
 * DTLS-SRTP, RTP), loopback only. Prints what it measured as a table; {@code --json} writes it too.
 * <pre>
 * LoadClient --server=http://127.0.0.1:8080 --rooms=1 --participants=4 --seconds=20 [--warmup=5]
 *            [--width=640 --height=360 --fps=30 --bitrate=400000] [--decode=all|first]
 *            [--server-pid=PID] [--room-prefix=load] [--json=out.json]
 *            [--talkers=all|K] [--audio-only=false|true] [--adapt=true|false]
 * </pre>
 * {@code --talkers=K}: the first K members of each room send their tone, the others the silence of
 * a listener with Opus DTX. {@code --adapt=false}: cameras ignore the server's constraints and REMB.
 */
public final class LoadClient {
    private static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("server", "http://127.0.0.1:8080"),
            Map.entry("rooms", "1"), Map.entry("participants", "4"), Map.entry("seconds", "20"),
            Map.entry("warmup", "5"), Map.entry("width", "640"), Map.entry("height", "360"), Map.entry("fps", "30"),
            Map.entry("bitrate", "400000"), Map.entry("decode", "all"), Map.entry("server-pid", "0"),
            Map.entry("room-prefix", "load"), Map.entry("json", ""), Map.entry("talkers", "all"),
            Map.entry("audio-only", "false"), Map.entry("adapt", "true"));

    private LoadClient() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = parse(args);
        LoadSettings settings = settings(flags);
        LoadResult result = new LoadRun(settings).run();
        System.out.print(LoadReport.table(List.of(result)));
        if (!flags.get("json").isEmpty()) {
            LoadReport.writeJson(List.of(result), Path.of(flags.get("json")));
        }
    }

    static LoadSettings settings(Map<String, String> flags) {
        String decode = flags.get("decode");
        if (!Set.of("all", "first").contains(decode)) {
            throw new IllegalArgumentException("--decode must be all or first: " + decode);
        }
        URI server = URI.create(flags.get("server"));
        if (!"127.0.0.1".equals(server.getHost())) {
            throw new IllegalArgumentException("--server must be on 127.0.0.1 (the load client is for loopback): "
                    + server);
        }
        return new LoadSettings(server, integer(flags, "rooms"), integer(flags, "participants"),
                integer(flags, "seconds"), integer(flags, "warmup"), integer(flags, "width"), integer(flags, "height"),
                integer(flags, "fps"), integer(flags, "bitrate"), "all".equals(decode),
                Long.parseLong(flags.get("server-pid")), flags.get("room-prefix"), talkers(flags),
                bool(flags, "audio-only"), bool(flags, "adapt"));
    }

    private static int talkers(Map<String, String> flags) {
        return "all".equals(flags.get("talkers")) ? integer(flags, "participants") : integer(flags, "talkers");
    }

    private static boolean bool(Map<String, String> flags, String name) {
        String value = flags.get(name);
        if (!Set.of("true", "false").contains(value)) {
            throw new IllegalArgumentException("--" + name + " must be true or false: " + value);
        }
        return Boolean.parseBoolean(value);
    }

    static Map<String, String> parse(String[] args) {
        return Flags.parse(args, DEFAULTS);
    }

    private static int integer(Map<String, String> flags, String name) {
        try {
            return Integer.parseInt(flags.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer: " + flags.get(name), e);
        }
    }
}
