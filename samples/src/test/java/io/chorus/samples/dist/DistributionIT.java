package io.chorus.samples.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The distribution that {@code mvn package} builds (samples/target/chorus), started the way its
 * systemd unit starts it: the unit's ExecStart, Environment, EnvironmentFile and WorkingDirectory,
 * with /opt/chorus, /etc/chorus and /var/lib/chorus moved into a temporary folder, and systemd's
 * bare environment rather than the build's. Runs after "package" (failsafe), on loopback.
 */
class DistributionIT {
    private static final String API_KEY = "distribution-test-api-key";
    private static final String TOKEN_SECRET = "distribution-test-token-secret-of-32-bytes-or-more";
    /** What systemd gives a service with User=: its PATH and the user's identity, nothing of ours. */
    private static final String SYSTEMD_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static Path distribution;
    private static SystemdUnit unit;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void findDistribution() throws IOException {
        String dir = System.getProperty("chorus.distribution");
        assertTrue(dir != null, "failsafe passes chorus.distribution; run this through mvn verify");
        distribution = Path.of(dir);
        unit = SystemdUnit.read(distribution.resolve("systemd/chorus.service"));
    }

    @Test
    void holdsTheLauncherTheUnitAndOnlyLinuxX8664Natives() throws IOException {
        assertTrue(Files.isExecutable(distribution.resolve("bin/chorus")), "bin/chorus is executable");
        assertTrue(Files.isRegularFile(distribution.resolve("conf/chorus.example.yaml")));
        List<String> jars;
        try (Stream<Path> lib = Files.list(distribution.resolve("lib"))) {
            jars = lib.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("ffmpeg-") && j.endsWith("-linux-x86_64.jar")),
                "FFmpeg's linux-x86_64 natives are in lib/: " + jars);
        List<String> otherPlatforms = jars.stream()
                .filter(j -> j.matches(".*-(windows|macosx|android|ios|linux-(arm|ppc|aarch)).*\\.jar")).toList();
        assertEquals(List.of(), otherPlatforms, "natives of other platforms in lib/");
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("logback-classic-")), "a logging provider is in lib/");
        assertTrue(jars.stream().noneMatch(j -> j.startsWith("selenium-") || j.startsWith("junit-")),
                "test dependencies stay out of lib/: " + jars);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void startsAsTheSystemdUnitDoesServesThePageLogsAndStopsCleanlyOnSigterm(@TempDir Path root)
            throws Exception {
        Map<String, Path> moved = Map.of(
                "/opt/chorus", distribution,
                "/etc/chorus", Files.createDirectories(root.resolve("etc")),
                "/var/lib/chorus", Files.createDirectories(root.resolve("var")));
        int httpPort = freeTcpPort();
        Files.writeString(moved.get("/etc/chorus").resolve("chorus.yaml"), String.join("\n",
                "http:", "  address: 127.0.0.1", "  port: " + httpPort,
                "media:", "  address: 127.0.0.1", "  port: " + freeUdpPort(),
                "recording:", "  directory: recordings",
                "auth:", "  enabled: true", ""));
        Files.writeString(moved.get("/etc/chorus").resolve("secrets.env"),
                "CHORUS_AUTH_TOKEN_SECRET=" + TOKEN_SECRET + "\nCHORUS_AUTH_API_KEY=" + API_KEY + "\n");

        ProcessBuilder builder = new ProcessBuilder(relocate(unit.execStart(), moved));
        builder.directory(Path.of(relocate(unit.single("WorkingDirectory"), moved)).toFile());
        builder.environment().clear();
        builder.environment().putAll(systemdEnvironment(moved));
        Path log = root.resolve("journal.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process server = builder.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + httpPort);
            JsonNode health = awaitHealthy(base, server, log);
            assertEquals("ok", health.path("status").asText());

            HttpResponse<String> page = get(base.resolve("/"), null);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<title>"), "the sample page is served from lib/");
            assertEquals(401, get(base.resolve("/api/rooms"), null).statusCode(),
                    "the API key from EnvironmentFile is in force");
            HttpResponse<String> rooms = get(base.resolve("/api/rooms"), API_KEY);
            assertEquals(200, rooms.statusCode(), rooms.body());

            String journal = Files.readString(log);
            assertTrue(journal.matches("(?s).*\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO .*ChorusServer - Configuration.*"),
                    "Logback writes the server's log to standard output:\n" + journal);
            assertTrue(journal.contains("Opus encoders and decoders run on the system's libopus"),
                    "the launcher's module options let the server use the system's libopus:\n" + journal);
        } finally {
            server.destroy();
        }
        assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server stops within 30 s of SIGTERM");
        assertTrue(unit.successExitStatuses().contains(server.exitValue()),
                "systemd must count the exit status " + server.exitValue() + " as a clean stop: "
                        + unit.successExitStatuses());
        assertTrue(Files.readString(log).contains("Shutting down"), Files.readString(log));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theServerJarStartsWithJavaJarAndLogsJsonWhenAsked(@TempDir Path root) throws Exception {
        Path jar;
        try (Stream<Path> lib = Files.list(distribution.resolve("lib"))) {
            jar = lib.filter(p -> p.getFileName().toString().matches("samples-.*\\.jar")).findFirst().orElseThrow();
        }
        Process help = new ProcessBuilder(javaOnThisMachine(), "-jar", jar.toString(), "--help")
                .redirectErrorStream(true).start();
        String out = new String(help.getInputStream().readAllBytes());
        assertTrue(help.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, help.exitValue(), out);
        assertTrue(out.contains("--http.port"), out);

        int httpPort = freeTcpPort();
        Path log = root.resolve("stdout.log");
        Process server = new ProcessBuilder(javaOnThisMachine(), "-jar", jar.toString(), "--log.format=json",
                "--http.port=" + httpPort, "--media.port=" + freeUdpPort(), "--recording.directory=" + root)
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            URI base = URI.create("http://127.0.0.1:" + httpPort);
            awaitHealthy(base, server, log);
            HttpResponse<String> ready = get(base.resolve("/api/ready"), null);
            assertEquals(200, ready.statusCode(), ready.body());
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(base.resolve("/api/rooms"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"logged-room\"}"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
        } finally {
            server.destroy();
        }
        assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server stops within 30 s of SIGTERM");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("{")) {
                lines.add(mapper.readTree(line));
            }
        }
        assertTrue(lines.stream().anyMatch(l -> l.path("message").asText().startsWith("Chorus is up")
                && l.path("level").asText().equals("INFO") && l.has("@timestamp")),
                "the server's own lines are JSON objects:\n" + Files.readString(log));
        assertTrue(lines.stream().anyMatch(l -> l.path("room").asText().equals("logged-room")),
                "a line about the room created through the API carries it as a field:\n" + Files.readString(log));
    }

    private static Map<String, String> systemdEnvironment(Map<String, Path> moved) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", SYSTEMD_PATH);
        env.put("HOME", relocate(unit.single("WorkingDirectory"), moved));
        env.put("USER", System.getProperty("user.name"));
        env.put("LOGNAME", System.getProperty("user.name"));
        env.putAll(unit.environment());
        for (String file : unit.all("EnvironmentFile")) {
            for (String line : Files.readAllLines(Path.of(relocate(file, moved)))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    SystemdUnit.putAssignment(env, line.strip());
                }
            }
        }
        return env;
    }

    private static List<String> relocate(List<String> words, Map<String, Path> moved) {
        List<String> out = new ArrayList<>();
        for (String word : words) {
            out.add(relocate(word, moved));
        }
        return out;
    }

    private static String relocate(String word, Map<String, Path> moved) {
        String out = word;
        for (Map.Entry<String, Path> e : moved.entrySet()) {
            out = out.replace(e.getKey(), e.getValue().toString());
        }
        return out;
    }

    private static String javaOnThisMachine() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private JsonNode awaitHealthy(URI base, Process server, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("the server exited with " + server.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r = get(base.resolve("/api/health"), null);
                if (r.statusCode() == 200) {
                    return mapper.readTree(r.body());
                }
            } catch (IOException notListeningYet) {
                // retried until the deadline
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no answer on /api/health within 90 s:\n" + Files.readString(log));
    }

    private HttpResponse<String> get(URI uri, String apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
