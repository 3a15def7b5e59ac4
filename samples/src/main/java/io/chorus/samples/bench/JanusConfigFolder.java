package io.chorus.samples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A private Janus configuration folder made from the packaged one (Debian: /etc/janus), for a
 * benchmark on loopback: only the AudioBridge plugin and the plain HTTP transport are loaded, the
 * API listens on 127.0.0.1 only, ICE is held to {@code lo} without STUN, sessions never time out,
 * and the AudioBridge's plain-RTP sockets bind 127.0.0.1.
 */
final class JanusConfigFolder {
    static final String PLUGIN = "libjanus_audiobridge.so";
    static final String TRANSPORT = "libjanus_http.so";
    /** Janus's own ICE ports: unused by plain-RTP participants, kept clear of the AudioBridge's. */
    private static final String ICE_PORTS = "40000-40999";
    /** Below Linux's ephemeral range (32768-60999), so the clients' port-0 sockets never collide. */
    private static final String AUDIOBRIDGE_PORTS = "20000-29999";

    private JanusConfigFolder() {
    }

    /** Writes the three files Janus reads into {@code target}, from the packaged ones in {@code source}. */
    static void write(Path source, Path target, int httpPort) throws IOException {
        String janus = Files.readString(source.resolve("janus.jcfg"));
        Files.writeString(target.resolve("janus.jcfg"), janusJcfg(janus, target,
                librariesOf(janus, "plugins_folder"), librariesOf(janus, "transports_folder"),
                librariesOf(janus, "events_folder"), librariesOf(janus, "loggers_folder")));
        Files.writeString(target.resolve("janus.transport.http.jcfg"),
                httpJcfg(Files.readString(source.resolve("janus.transport.http.jcfg")), httpPort));
        Files.writeString(target.resolve("janus.plugin.audiobridge.jcfg"), audioBridgeJcfg());
    }

    /**
     * janus.jcfg with everything but the AudioBridge and the HTTP transport disabled, given the
     * libraries found in the plugin, transport, event handler and logger folders.
     */
    static String janusJcfg(String text, Path configs, List<String> plugins, List<String> transports,
            List<String> eventHandlers, List<String> loggers) {
        String t = Jcfg.set(text, "general", ordered(
                "configs_folder", Jcfg.quoted(configs.toString()),
                // Otherwise Janus guesses a local address (the first non-loopback one) for its SDP.
                "interface", Jcfg.quoted("127.0.0.1"),
                // The harness sends no keep-alives during the measurement, so that Janus does no work for it.
                "session_timeout", "0"));
        t = Jcfg.set(t, "media", ordered("ipv6", "false", "rtp_port_range", Jcfg.quoted(ICE_PORTS)));
        // Unset rather than empty: Janus exits on a STUN address it cannot resolve.
        t = Jcfg.set(t, "nat", ordered("ice_enforce_list", Jcfg.quoted("lo"), "stun_server", null, "stun_port",
                null, "nice_debug", "false"));
        t = Jcfg.set(t, "plugins", ordered("disable", disabled(plugins, PLUGIN)));
        t = Jcfg.set(t, "transports", ordered("disable", disabled(transports, TRANSPORT)));
        t = Jcfg.set(t, "loggers", ordered("disable", disabled(loggers, null)));
        return Jcfg.set(t, "events", ordered("broadcast", "false", "disable", disabled(eventHandlers, null)));
    }

    /** The HTTP transport on 127.0.0.1:{@code port}, without HTTPS or the admin API. */
    static String httpJcfg(String text, int port) {
        String t = Jcfg.set(text, "general", ordered("http", "true", "ip", Jcfg.quoted("127.0.0.1"),
                "port", Integer.toString(port), "https", "false", "events", "false"));
        return Jcfg.set(t, "admin", ordered("admin_http", "false", "admin_https", "false"));
    }

    /**
     * Written afresh rather than edited: the packaged file holds only comments and a demo room, and
     * that room's mixer thread would run (and cost CPU) during the whole measurement.
     */
    static String audioBridgeJcfg() {
        return Jcfg.set("", "general", ordered("local_ip", Jcfg.quoted("127.0.0.1"),
                "rtp_port_range", Jcfg.quoted(AUDIOBRIDGE_PORTS), "events", "false"));
    }

    private static List<String> librariesOf(String janusJcfg, String folderSetting) throws IOException {
        String folder = Jcfg.get(janusJcfg, "general", folderSetting);
        if (folder == null || !Files.isDirectory(Path.of(folder))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            // Janus loads only names ending in .so; the versioned links (.so.1, .so.1.1.2) are skipped.
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".so")).sorted().toList();
        }
    }

    /** Janus's comma-separated disable list: every library but {@code keep} (which may be null). */
    private static String disabled(List<String> libraries, String keep) {
        return Jcfg.quoted(String.join(",", libraries.stream().filter(l -> !l.equals(keep)).toList()));
    }

    private static Map<String, String> ordered(String... nameValue) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put(nameValue[i], nameValue[i + 1]);
        }
        return m;
    }
}
