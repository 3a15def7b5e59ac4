package io.chorus.samples.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private Janus process for one measurement: its own configuration folder (see
 * {@link JanusConfigFolder}) in a temporary directory, its HTTP API on a free port of 127.0.0.1, its
 * log in that directory. Closing it stops that process (by its own handle) and removes the folder.
 */
final class JanusServer implements AutoCloseable {
    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Process process;
    private final Path folder;
    private final URI api;

    private JanusServer(Process process, Path folder, URI api) {
        this.process = process;
        this.folder = folder;
        this.api = api;
    }

    /** Starts {@code janus} with configs made from {@code packagedConfigs} and waits until its API answers. */
    static JanusServer start(Path janus, Path packagedConfigs) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("chorus-janus-");
        int port = freePort();
        JanusConfigFolder.write(packagedConfigs, folder, port);
        Process process = new ProcessBuilder(janus.toString(), "-C", folder.resolve("janus.jcfg").toString(),
                "-F", folder.toString()).redirectErrorStream(true).redirectOutput(folder.resolve("janus.log").toFile())
                .start();
        JanusServer server = new JanusServer(process, folder, URI.create("http://127.0.0.1:" + port + "/janus"));
        try {
            server.awaitApi();
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    URI api() {
        return api;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return folder.resolve("janus.log");
    }

    private void awaitApi() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest info = HttpRequest.newBuilder(api.resolve("/janus/info")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("janus exited with status " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (http.send(info, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IOException("janus did not answer " + api + "/info within 30 s:\n" + tail());
    }

    private String tail() throws IOException {
        String log = Files.readString(log());
        return log.substring(Math.max(0, log.length() - 4000));
    }

    /** A port free on 127.0.0.1 a moment ago: Janus binds it itself, so the small race is accepted. */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
