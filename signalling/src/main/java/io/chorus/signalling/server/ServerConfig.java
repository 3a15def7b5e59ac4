package io.chorus.signalling.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chorus.core.ice.IceConfig;

/**
 * Server settings from {@code --key=value} flags, falling back to {@code CHORUS_KEY} environment
 * variables, then to defaults that need no external service and expose nothing beyond this
 * machine (loopback addresses). Unknown flags are errors, never ignored.
 */
public record ServerConfig(InetAddress httpAddress, int httpPort, IceConfig ice, Path dtlsCertificate,
        Path dtlsPrivateKey) {

    static final Map<String, String> FLAGS = flags();

    private static Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("http-address", "address the HTTP/WebSocket server binds (default 127.0.0.1)");
        flags.put("http-port", "HTTP/WebSocket port (default 8080)");
        flags.put("media-address", "address of the shared UDP media port (default 127.0.0.1)");
        flags.put("media-port", "the shared UDP media port (default 10000)");
        flags.put("public-address", "public IP to advertise when behind a 1:1 NAT (default none)");
        flags.put("stun", "comma-separated host:port STUN servers to discover the public IP (default none)");
        flags.put("dtls-cert", "PEM certificate for DTLS (default: a fresh ECDSA P-256 one per start)");
        flags.put("dtls-key", "PEM PKCS#8 private key matching --dtls-cert");
        return flags;
    }

    public static ServerConfig parse(String[] args, Map<String, String> env) throws UnknownHostException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --key=value, got '" + arg + "'; known keys: "
                        + FLAGS.keySet());
            }
            String key = arg.substring(2, arg.indexOf('='));
            if (!FLAGS.containsKey(key)) {
                throw new IllegalArgumentException("unknown option --" + key + "; known: " + FLAGS.keySet());
            }
            values.put(key, arg.substring(arg.indexOf('=') + 1));
        }
        for (String key : FLAGS.keySet()) {
            String envName = "CHORUS_" + key.toUpperCase().replace('-', '_');
            if (!values.containsKey(key) && env.containsKey(envName)) {
                values.put(key, env.get(envName));
            }
        }
        InetAddress httpAddress = InetAddress.getByName(values.getOrDefault("http-address", "127.0.0.1"));
        int httpPort = port(values.getOrDefault("http-port", "8080"), "http-port");
        InetAddress mediaAddress = InetAddress.getByName(values.getOrDefault("media-address", "127.0.0.1"));
        int mediaPort = port(values.getOrDefault("media-port", Integer.toString(IceConfig.DEFAULT_PORT)), "media-port");
        InetAddress publicAddress = values.containsKey("public-address")
                ? InetAddress.getByName(values.get("public-address")) : null;
        List<InetSocketAddress> stun = new ArrayList<>();
        for (String server : values.getOrDefault("stun", "").split(",")) {
            if (!server.isBlank()) {
                int colon = server.lastIndexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("--stun expects host:port, got '" + server + "'");
                }
                stun.add(new InetSocketAddress(server.substring(0, colon).strip(),
                        port(server.substring(colon + 1).strip(), "stun")));
            }
        }
        IceConfig ice = new IceConfig(mediaAddress, mediaPort, publicAddress, stun, Duration.ofSeconds(5),
                Duration.ofSeconds(10));
        Path cert = values.containsKey("dtls-cert") ? Path.of(values.get("dtls-cert")) : null;
        Path key = values.containsKey("dtls-key") ? Path.of(values.get("dtls-key")) : null;
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException("--dtls-cert and --dtls-key must be given together");
        }
        return new ServerConfig(httpAddress, httpPort, ice, cert, key);
    }

    private static int port(String value, String name) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--" + name + " out of range: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + value + "'");
        }
    }
}
