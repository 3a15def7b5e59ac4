package io.chorus.signalling.server;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.core.dtls.DtlsCertificate;
import io.chorus.core.session.TransportContext;
import io.chorus.signalling.config.ChorusConfig;
import io.chorus.signalling.config.ConfigLoader;
import io.chorus.signalling.protocol.ClientMessageParser;
import io.chorus.signalling.protocol.ServerMessages;
import io.chorus.signalling.room.EchoRoom;
import io.chorus.signalling.room.RoomDirectory;
import io.chorus.signalling.room.RoomRegistry;
import io.chorus.signalling.room.RoomSettings;

/** The Chorus server: the shared media transport, the rooms, and the HTTP/WebSocket front door. */
public final class ChorusServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChorusServer.class);

    private final TransportContext transport;
    private final EchoRoom echoRoom;
    private final RoomRegistry conferences;
    private final HttpServer http;

    private ChorusServer(TransportContext transport, EchoRoom echoRoom, RoomRegistry conferences, HttpServer http) {
        this.transport = transport;
        this.echoRoom = echoRoom;
        this.conferences = conferences;
        this.http = http;
    }

    public static ChorusServer start(ChorusConfig config) throws Exception {
        routeJavaUtilLoggingToSlf4j();
        DtlsCertificate certificate = config.dtls().generated()
                ? DtlsCertificate.generate()
                : DtlsCertificate.load(config.dtls().certificate(), config.dtls().privateKey());
        TransportContext transport = TransportContext.start(config.iceConfig(), certificate);
        try {
            ObjectMapper mapper = new ObjectMapper();
            EchoRoom echo = new EchoRoom(transport, mapper);
            ClientMessageParser parser = new ClientMessageParser(mapper);
            ServerMessages messages = new ServerMessages(mapper);
            RoomRegistry conferences = new RoomRegistry(RoomSettings.defaults(), transport, messages, List.of());
            RoomDirectory rooms = new RoomDirectory(echo, conferences);
            HttpServer http = new HttpServer(new InetSocketAddress(config.http().address(), config.http().port()),
                    () -> new WebSocketFrameHandler(parser, messages, rooms, JoinGate.OPEN),
                    () -> new RestApiHandler(conferences, mapper, header -> true));
            ChorusServer server = new ChorusServer(transport, echo, conferences, http);
            LOG.info("DTLS certificate fingerprint sha-256 {}", certificate.fingerprintSdp());
            String base = server.httpAddress().getAddress().getHostAddress() + ":" + server.httpAddress().getPort();
            LOG.info("Chorus is up: open http://{}/ to join a room; WebSocket ws://{}/ws; REST http://{}/api/rooms;"
                    + " metrics http://{}/metrics; echo test http://{}/echo.html", base, base, base, base, base);
            return server;
        } catch (Exception e) {
            transport.close();
            throw e;
        }
    }

    public InetSocketAddress httpAddress() {
        return http.localAddress();
    }

    public EchoRoom echoRoom() {
        return echoRoom;
    }

    public RoomRegistry conferences() {
        return conferences;
    }

    @Override
    public void close() {
        http.close();
        echoRoom.participants().values().forEach(p -> p.close());
        conferences.close();
        transport.close();
    }

    /** ice4j logs through java.util.logging; one logback configuration should govern everything. */
    private static synchronized void routeJavaUtilLoggingToSlf4j() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
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
