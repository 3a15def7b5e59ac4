package io.chorus.signalling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chorus.signalling.webhook.SignatureCheckingReceiver;

/**
 * Every metric family a busy server exposes (a room with a member, a recording, a webhook
 * receiver) is described in docs/rest-api.md's metrics table, and the table names no family the server
 * lacks.
 */
class MetricsDocumentedTest {
    private static final String SECRET = "webhook-secret-of-at-least-32-bytes!";
    private static final Pattern TYPE = Pattern.compile("^# TYPE (\\S+) (\\S+)$", Pattern.MULTILINE);
    private static final Pattern DOCUMENTED = Pattern.compile("^\\| `(chorus_[a-z0-9_]+)` \\|", Pattern.MULTILINE);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path recordings;

    @Test
    void everyExposedFamilyIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "rest-api.md"));
        Set<String> documented = new TreeSet<>();
        for (Matcher m = DOCUMENTED.matcher(doc); m.find(); ) {
            documented.add(m.group(1));
        }
        String metrics;
        try (SignatureCheckingReceiver receiver = new SignatureCheckingReceiver(SECRET);
                ChorusServer server = TestServers.start("--webhooks.urls=" + receiver.url(),
                        "--webhooks.secret=" + SECRET, "--recording.directory=" + recordings, "--video.width=320",
                        "--video.height=180", "--video.fps=15", "--video.tiers=low:320x180@150000")) {
            int port = server.httpAddress().getPort();
            URI base = URI.create("http://127.0.0.1:" + port);
            try (TestWebSocket member = new TestWebSocket(URI.create("ws://127.0.0.1:" + port + "/ws"))) {
                member.send("{\"type\":\"join\",\"room\":\"measured\",\"name\":\"Mo\"}");
                member.next("joined");
                HttpResponse<String> recording = call(base, "POST", "/api/rooms/measured/recordings",
                        "{\"format\":\"webm\"}");
                assertEquals(201, recording.statusCode(), recording.body());
                Thread.sleep(500);
                metrics = call(base, "GET", "/metrics", null).body();
            }
        }
        Set<String> exposed = new TreeSet<>();
        for (Matcher m = TYPE.matcher(metrics); m.find(); ) {
            exposed.add(family(m.group(1), m.group(2)));
        }
        assertTrue(exposed.size() > 20, () -> "a busy server exposes its metrics: " + exposed);
        Set<String> undocumented = new TreeSet<>(exposed);
        undocumented.removeAll(documented);
        Set<String> chorusOnly = new TreeSet<>(undocumented.stream().filter(n -> n.startsWith("chorus_")).toList());
        assertEquals(Set.of(), chorusOnly, "families missing from docs/rest-api.md");
        Set<String> stale = new TreeSet<>(documented);
        stale.removeAll(exposed);
        assertEquals(Set.of(), stale, "docs/rest-api.md names families the server does not expose");
    }

    /** The family name a sample's TYPE line gives, as the page lists it (counters with their _total). */
    private static String family(String name, String type) {
        return type.equals("counter") && !name.endsWith("_total") ? name + "_total" : name;
    }

    private static HttpResponse<String> call(URI base, String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).method(method, publisher)
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
