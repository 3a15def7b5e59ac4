package io.chorus.signalling.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback that checks every delivery the way docs/webhooks.md tells
 * operators to (its own HMAC code, not the server's signer), keeps the accepted events in arrival
 * order, and can be down (not listening) or failing (answering 503) on demand.
 */
public final class SignatureCheckingReceiver implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] secret;
    private int port;
    private final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Predicate<JsonNode> failing = event -> false;
    private HttpServer server;

    /** Listening on a free port. */
    public SignatureCheckingReceiver(String secret) throws IOException {
        this(secret, 0);
        start();
    }

    private SignatureCheckingReceiver(String secret, int port) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.port = port;
    }

    /** Not listening yet, on a port that was free a moment ago: a receiver that is down. */
    public static SignatureCheckingReceiver down(String secret) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        return new SignatureCheckingReceiver(secret, port);
    }

    public synchronized void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/hook", this::handle);
        server.start();
        port = server.getAddress().getPort();
    }

    /** Answers 503 to events the predicate picks, as a receiver whose database is down would. */
    public void failWhen(Predicate<JsonNode> predicate) {
        failing = predicate;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port + "/hook?token=receiver-secret");
    }

    public List<JsonNode> accepted() {
        return new ArrayList<>(accepted);
    }

    public List<String> types() {
        return accepted.stream().map(e -> e.get("type").asText()).toList();
    }

    /** Deliveries refused for a bad signature, timestamp or body: a correct server sends none. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String problem = check(exchange, body);
        JsonNode event = problem == null ? MAPPER.readTree(body) : null;
        int status;
        if (problem != null) {
            refusals.add(problem);
            status = 400;
        } else if (failing.test(event)) {
            status = 503;
        } else {
            accepted.add(event);
            status = 204;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private String check(HttpExchange exchange, byte[] body) {
        try {
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (id == null || timestamp == null || signature == null) {
                return "missing webhook-id, webhook-timestamp or webhook-signature";
            }
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
            if (Duration.between(sent, Instant.now()).abs().compareTo(TOLERANCE) > 0) {
                return "timestamp " + sent + " is more than 5 minutes off";
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
            if (!signature.startsWith("v1,")
                    || !MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                return "bad signature " + signature;
            }
            if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                return "Content-Type " + exchange.getRequestHeaders().getFirst("Content-Type");
            }
            JsonNode event = MAPPER.readTree(body);
            if (!event.path("id").asText().equals(id)) {
                return "body id " + event.path("id") + " differs from webhook-id " + id;
            }
            return null;
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** Stops listening; {@link #start()} listens on the same port again. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
