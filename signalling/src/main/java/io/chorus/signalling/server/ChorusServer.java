package io.chorus.signalling.server;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.core.dtls.DtlsCertificate;
import io.chorus.core.ice.SharedUdpPort;
import io.chorus.mixer.codec.CodecWarmUp;
import io.chorus.mixer.codec.OpusLibrary;
import io.chorus.core.session.TransportContext;
import io.chorus.signalling.api.Readiness;
import io.chorus.signalling.api.RoomsApi;
import io.chorus.signalling.auth.ApiKeyCheck;
import io.chorus.signalling.auth.JoinGrant;
import io.chorus.signalling.auth.JoinTokens;
import io.chorus.signalling.auth.TokenSeats;
import io.chorus.signalling.config.ChorusConfig;
import io.chorus.signalling.config.ConfigLoader;
import io.chorus.signalling.protocol.ClientMessage;
import io.chorus.signalling.protocol.ClientMessageParser;
import io.chorus.signalling.metrics.ConnectionMetrics;
import io.chorus.signalling.metrics.ConnectionMetrics.Refusal;
import io.chorus.signalling.metrics.MediaPortMetrics;
import io.chorus.signalling.metrics.ServerMetrics;
import io.chorus.signalling.protocol.ProtocolException;
import io.chorus.signalling.protocol.ServerMessages;
import io.chorus.signalling.protocol.ServerMessages.IceServerInfo;
import io.chorus.signalling.conference.Conferences;
import io.chorus.signalling.conference.EchoRoom;
import io.chorus.signalling.conference.MediaSessions;
import io.chorus.signalling.conference.RoomDirectory;
import io.chorus.signalling.metrics.RoomMetrics;
import io.chorus.signalling.recordings.RecordingCatalog;
import io.chorus.signalling.webhook.Webhooks;

/** The Chorus server: the shared media transport, the rooms, and the HTTP/WebSocket front door. */
public final class ChorusServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChorusServer.class);

    private final TransportContext transport;
    private final EchoRoom echoRoom;
    private final Conferences conferences;
    private final RecordingCatalog catalog;
    private final ServerMetrics metrics;
    /** Null when no webhook URL is configured. */
    private final Webhooks webhooks;
    private final HttpServer http;

    private ChorusServer(TransportContext transport, EchoRoom echoRoom, Conferences conferences,
            RecordingCatalog catalog, ServerMetrics metrics, Webhooks webhooks, HttpServer http) {
        this.transport = transport;
        this.echoRoom = echoRoom;
        this.conferences = conferences;
        this.catalog = catalog;
        this.metrics = metrics;
        this.webhooks = webhooks;
        this.http = http;
    }

    public static ChorusServer start(ChorusConfig config) throws Exception {
        routeJavaUtilLoggingToSlf4j();
        DtlsCertificate certificate = config.dtls().generated()
                ? DtlsCertificate.generate()
                : DtlsCertificate.load(config.dtls().certificate(), config.dtls().privateKey());
        LOG.info("Opus encoders and decoders run on {}", opusLibrary(config.opusLibrary()));
        LOG.info("codecs loaded and warmed up in {} ms (so that the first join does not wait for it)",
                CodecWarmUp.run().toMillis());
        TransportContext transport = TransportContext.start(config.iceConfig(), certificate);
        ServerMetrics metrics = new ServerMetrics();
        MediaPortMetrics.bind(metrics.registry(), transport.port().stats());
        Conferences conferences = null;
        RecordingCatalog catalog = null;
        Webhooks webhooks = null;
        try {
            ObjectMapper mapper = new ObjectMapper();
            MediaSessions sessions = MediaSessions.on(transport);
            EchoRoom echo = new EchoRoom(sessions, config.conference().limits().maxEchoSessions());
            ClientMessageParser parser = new ClientMessageParser(mapper);
            ServerMessages messages = new ServerMessages(mapper);
            conferences = new Conferences(config.conference(), sessions);
            conferences.addListener(new RoomMetrics(metrics.registry(), conferences));
            catalog = RecordingCatalog.open(config.conference().recording().directory(), mapper, Clock.systemUTC());
            conferences.addListener(catalog);
            if (config.webhooks().enabled()) {
                webhooks = Webhooks.start(config.webhooks(), config.conference().recording().directory(),
                        metrics.registry(), Clock.systemUTC());
                conferences.addListener(webhooks);
            }
            List<IceServerInfo> iceServers = iceServers(config);
            RoomDirectory rooms = new RoomDirectory(echo, conferences);
            ChorusConfig.Auth auth = config.auth();
            JoinTokens tokens = auth.enabled() ? new JoinTokens(auth.tokenSecretBytes(), Clock.systemUTC()) : null;
            ChorusConfig.Http httpConfig = config.http();
            ConnectionMetrics connections = new ConnectionMetrics(metrics.registry());
            JoinGate gate = tokens == null ? JoinGate.OPEN : tokenGate(tokens, new TokenSeats(), connections);
            ApiKeyCheck apiKey = auth.enabled() ? new ApiKeyCheck(auth.apiKey()) : null;
            Predicate<String> apiAccess = apiKey == null ? header -> true : apiKey::allows;
            RoomsApi api = new RoomsApi(conferences, mapper, tokens, readiness(transport), catalog);
            ConnectionLimiter limiter = new ConnectionLimiter(httpConfig.maxConnections(),
                    httpConfig.maxConnectionsPerAddress(), connections);
            connections.watchOpenConnections(limiter::open);
            WebSocketLimits webSocketLimits = new WebSocketLimits(httpConfig.maxMessagesPerSecond(),
                    httpConfig.joinTimeout(), httpConfig.maxPendingReplyBytes());
            HttpServer http = new HttpServer(new InetSocketAddress(httpConfig.address(), httpConfig.port()),
                    webSocketLimits.maxPendingReplyBytes(), new HttpChannelInitializer.Guards(limiter,
                            new OriginCheck(Set.copyOf(httpConfig.allowedOrigins()), connections)),
                    () -> new WebSocketFrameHandler(parser, messages, rooms, gate, iceServers, webSocketLimits,
                            connections),
                    () -> new RestApiHandler(api, mapper, apiAccess, metrics, connections));
            ChorusServer server = new ChorusServer(transport, echo, conferences, catalog, metrics, webhooks, http);
            LOG.info("auth is {}", auth.enabled() ? "ON: joins need a token, the REST API and /metrics the API key"
                    : "off: anyone who reaches this port may join any room and use the REST API");
            if (!auth.enabled() && !httpConfig.address().isLoopbackAddress()) {
                LOG.warn("auth.allowInsecure=true: {} is reachable from other machines with auth off; anyone who "
                        + "reaches it can join rooms, record them and broadcast them anywhere",
                        httpConfig.address().getHostAddress());
            }
            LOG.info("DTLS certificate fingerprint sha-256 {}", certificate.fingerprintSdp());
            String base = server.httpAddress().getAddress().getHostAddress() + ":" + server.httpAddress().getPort();
            LOG.info("Chorus is up: open http://{}/ to join a room; WebSocket ws://{}/ws; REST http://{}/api/rooms;"
                    + " metrics http://{}/metrics; echo test http://{}/echo.html", base, base, base, base, base);
            return server;
        } catch (Exception e) {
            if (conferences != null) {
                conferences.close();
            }
            if (catalog != null) {
                catalog.close();
            }
            if (webhooks != null) {
                webhooks.close();
            }
            metrics.close();
            transport.close();
            throw e;
        }
    }

    /** Joins need a valid token, and one of its seats: a copied token does not admit a second session. */
    private static JoinGate tokenGate(JoinTokens tokens, TokenSeats seats, ConnectionMetrics refusals) {
        return new JoinGate() {
            @Override
            public Admission admit(ClientMessage.Join join) throws ProtocolException {
                JoinGrant grant = tokens.verify(join.token(), join.room(), join.name());
                try {
                    return new JoinGate.Admission(grant.maxBitrate(), seats.take(grant), grant.role());
                } catch (ProtocolException e) {
                    refusals.refused(Refusal.TOKEN_IN_USE);
                    throw e;
                }
            }

            @Override
            public boolean rolesEnforced() {
                return true;
            }
        };
    }

    /** A node is ready while its media port takes packets; a cluster will add its Redis link. */
    private static Readiness readiness(TransportContext transport) {
        SharedUdpPort port = transport.port();
        return new Readiness(List.of(new Readiness.Check("mediaPort", () -> port.receiving() ? Optional.empty()
                : Optional.of("UDP " + port.localAddress() + " is closed or its receive thread died; see the log"))));
    }

    private static List<IceServerInfo> iceServers(ChorusConfig config) {
        return config.clientIceServers().stream()
                .map(s -> new IceServerInfo(s.urls(), s.username(), s.credential())).toList();
    }

    public InetSocketAddress httpAddress() {
        return http.localAddress();
    }

    /** The UDP address every participant's media goes through. */
    public InetSocketAddress mediaAddress() {
        return transport.port().localAddress();
    }

    public EchoRoom echoRoom() {
        return echoRoom;
    }

    public Conferences conferences() {
        return conferences;
    }

    @Override
    public void close() {
        http.close();
        echoRoom.participants().values().forEach(p -> p.close());
        conferences.close();
        // After the rooms, whose last recordings' sidecars are then written.
        catalog.close();
        if (webhooks != null) {
            // After the rooms, so that their room.finished events are among those delivered.
            webhooks.close();
        }
        metrics.close();
        transport.close();
    }

    /** ice4j logs through java.util.logging; one logback configuration should govern everything. */
    private static synchronized void routeJavaUtilLoggingToSlf4j() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    private static OpusLibrary opusLibrary(String setting) {
        try {
            return OpusLibrary.use(setting);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("audio.opusLibrary=" + setting + " cannot be used: " + e.getMessage(), e);
        }
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains(ConfigLoader.HELP_FLAG)) {
            System.out.print(ConfigLoader.usage());
            return;
        }
        ChorusConfig config;
        try {
            config = ConfigLoader.load(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("chorus: " + e.getMessage());
            System.err.println();
            System.err.print(ConfigLoader.usage());
            System.exit(2);
            return;
        }
        config.logFormat().apply();
        LOG.info("Configuration (secrets masked): {}", config);
        ChorusServer server = start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Shutting down");
            server.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }
}
