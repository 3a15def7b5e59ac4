package io.chorus.signalling.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.chorus.core.ice.IceConfig;
import io.chorus.mixer.codec.OpusLibrary;
import io.chorus.signalling.auth.JoinTokens;
import io.chorus.signalling.conference.ConferenceSettings;
import io.chorus.signalling.logging.LogFormat;
import io.chorus.signalling.webhook.WebhookSettings;

/**
 * The server's settings, validated: a value that exists is a value the server can run with. Every
 * message names the key (its YAML path) and the rejected value. {@link ConfigLoader} builds one from
 * defaults, a YAML file, the environment and flags; the keys and defaults are listed in
 * {@code Settings}. The conference's part is made of the records the mixer, the recorder and the
 * conference layer own and check themselves; the binder reports their refusals under the keys.
 */
public record ChorusConfig(Http http, Media media, Dtls dtls, List<IceServer> clientIceServers,
        ConferenceSettings conference, Auth auth, String opusLibrary, WebhookSettings webhooks, LogFormat logFormat) {

    /** How often ICE consent (RFC 7675) is re-checked, and how long silence means the browser is gone. */
    private static final Duration CONSENT_INTERVAL = Duration.ofSeconds(5);
    private static final Duration CONSENT_TIMEOUT = Duration.ofSeconds(10);
    public ChorusConfig {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(dtls, "dtls");
        clientIceServers = List.copyOf(clientIceServers);
        Objects.requireNonNull(conference, "conference");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(logFormat, "logFormat");
        try {
            OpusLibrary.checkSetting(opusLibrary);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("audio.opusLibrary " + e.getMessage(), e);
        }
        if (!http.address().isLoopbackAddress() && !auth.enabled() && !auth.allowInsecure()) {
            throw new IllegalArgumentException("http.address " + http.address().getHostAddress() + " is reachable from "
                    + "other machines and auth is off: anyone who reaches it could join any room, list and close rooms "
                    + "and broadcast them anywhere through the REST API; set auth.enabled=true (with auth.tokenSecret "
                    + "and auth.apiKey), or auth.allowInsecure=true to run it open on purpose");
        }
    }

    /** The documented defaults: loopback only, no external service, no authentication. */
    public static ChorusConfig defaults() {
        return ConfigLoader.load(new String[0], Map.of());
    }

    /** The shared media port's settings for mcu-core's ICE agent. */
    public IceConfig iceConfig() {
        return new IceConfig(media.address(), media.port(), media.publicAddress(), media.stun(), CONSENT_INTERVAL,
                CONSENT_TIMEOUT, media.limits());
    }

    /**
     * The HTTP/WebSocket listener and what one client may cost it; port 0 picks a free port.
     *
     * @param allowedOrigins       origins of pages, besides the server's own, that may use the
     *                             WebSocket, the REST API and the metrics ({@code https://meet.example.com})
     * @param joinTimeout          how long a WebSocket may stay open without joining a room
     * @param maxPendingReplyBytes replies queued for a WebSocket client that does not read before it is closed
     */
    public record Http(InetAddress address, int port, List<String> allowedOrigins, int maxConnections,
            int maxConnectionsPerAddress, int maxMessagesPerSecond, Duration joinTimeout, int maxPendingReplyBytes) {
        public Http {
            required(address, "http.address");
            inRange(port, 0, 65535, "http.port");
            allowedOrigins = List.copyOf(allowedOrigins);
            for (String origin : allowedOrigins) {
                if (!origin.matches("https?://[^/\\s]+")) {
                    throw new IllegalArgumentException("http.allowedOrigins: '" + origin + "' must be an origin as "
                            + "browsers send it: scheme://host[:port], no path, e.g. https://meet.example.com");
                }
            }
            inRange(maxConnections, 1, 1_000_000, "http.maxConnections");
            inRange(maxConnectionsPerAddress, 1, maxConnections, "http.maxConnectionsPerAddress");
            inRange(maxMessagesPerSecond, 1, 10_000, "http.maxMessagesPerSecond");
            required(joinTimeout, "http.joinTimeout");
            if (joinTimeout.toMillis() < 1000 || joinTimeout.toMinutes() > 60) {
                throw new IllegalArgumentException("http.joinTimeout must be from 1s to 60m, got " + joinTimeout);
            }
            inRange(maxPendingReplyBytes, 64 * 1024, 64 * 1024 * 1024, "http.maxPendingReplyBytes");
        }
    }

    /**
     * The one UDP port all participants' media shares.
     *
     * @param publicAddress advertised beside {@code address} when behind a 1:1 NAT; null when not
     * @param stun          STUN servers asked once at start-up for the public address; empty by default
     */
    public record Media(InetAddress address, int port, InetAddress publicAddress, List<InetSocketAddress> stun,
            IceConfig.Limits limits) {
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
     * Join tokens and the REST API key. {@code toString} masks both secrets so the configuration can be
     * logged.
     */
    public record Auth(boolean enabled, String tokenSecret, String apiKey, boolean allowInsecure) {
        /** An API key a person or script can guess in a day's requests is no key. */
        public static final int MIN_API_KEY_LENGTH = 16;

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
                if (apiKey.length() < MIN_API_KEY_LENGTH) {
                    throw new IllegalArgumentException("auth.apiKey must be at least " + MIN_API_KEY_LENGTH
                            + " characters, got " + apiKey.length());
                }
            }
        }

        /** The HMAC key: the secret's UTF-8 bytes, as JWT libraries use a string secret. */
        public byte[] tokenSecretBytes() {
            return tokenSecret.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "Auth[enabled=" + enabled + ", tokenSecret=" + mask(tokenSecret) + ", apiKey=" + mask(apiKey)
                    + ", allowInsecure=" + allowInsecure + "]";
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
}
