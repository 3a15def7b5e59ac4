package io.chorus.recorder.rtmp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private nginx with the RTMP module for tests: its configuration, pid file and logs live in one
 * temporary directory, it listens on 127.0.0.1 only, and it is stopped by the PID this harness
 * started, so a test never touches an nginx it did not launch. A missing nginx or module is an
 * error naming what to install, never a skipped test.
 */
final class NginxRtmpServer implements AutoCloseable {
    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final Path RTMP_MODULE = Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so");
    static final String APPLICATION = "live";
    private static final Duration PORT_WAIT = Duration.ofSeconds(10);

    private final Path directory;
    private final int port;
    private Process process;

    private NginxRtmpServer(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Writes nginx.conf into {@code directory}, starts nginx and returns once the port accepts connections. */
    static NginxRtmpServer start(Path directory, int port) throws IOException, InterruptedException {
        requireInstalled();
        NginxRtmpServer server = new NginxRtmpServer(directory, port);
        Files.writeString(server.configFile(), server.configuration(), StandardCharsets.UTF_8);
        server.launch();
        return server;
    }

    private static void requireInstalled() {
        if (!Files.isExecutable(NGINX)) {
            throw new IllegalStateException("nginx not found at " + NGINX + ": install the nginx package");
        }
        if (!Files.isReadable(RTMP_MODULE)) {
            throw new IllegalStateException("RTMP module not found at " + RTMP_MODULE
                    + ": install the libnginx-mod-rtmp package");
        }
    }

    String url(String streamKey) {
        return "rtmp://127.0.0.1:" + port + "/" + APPLICATION + "/" + streamKey;
    }

    long pid() {
        return process.pid();
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts nginx again with the same configuration (after {@link #stop()}). */
    void restart() throws IOException, InterruptedException {
        if (running()) {
            throw new IllegalStateException("nginx " + pid() + " is still running");
        }
        launch();
    }

    /** Terminates this harness's nginx by its PID (SIGTERM: the master stops its workers) and waits for the port to close. */
    void stop() throws InterruptedException, IOException {
        if (!running()) {
            return;
        }
        ProcessHandle master = ProcessHandle.of(process.pid())
                .orElseThrow(() -> new IllegalStateException("nginx " + process.pid() + " vanished"));
        List<ProcessHandle> workers = master.descendants().toList();
        master.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            master.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        for (ProcessHandle worker : workers) {
            worker.destroyForcibly();
        }
        waitUntil(false);
    }

    @Override
    public void close() throws InterruptedException, IOException {
        stop();
    }

    String errorLog() throws IOException {
        Path log = directory.resolve("error.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no error.log)";
    }

    private void launch() throws IOException, InterruptedException {
        if (accepting()) {
            throw new IllegalStateException("127.0.0.1:" + port + " is already in use by another process;"
                    + " the RTMP test needs it for its own nginx");
        }
        process = new ProcessBuilder(NGINX.toString(), "-p", directory.toString(), "-c", configFile().toString(),
                "-e", directory.resolve("error.log").toString(), "-g", "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("nginx.out").toFile())
                .start();
        waitUntil(true);
    }

    private void waitUntil(boolean accepting) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + PORT_WAIT.toNanos();
        while (accepting() != accepting) {
            if (accepting && !process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ": " + errorLog());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("127.0.0.1:" + port + (accepting ? " never opened" : " never closed")
                        + " within " + PORT_WAIT + ": " + errorLog());
            }
            Thread.sleep(50);
        }
    }

    private boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Path configFile() {
        return directory.resolve("nginx.conf");
    }

    private String configuration() {
        return String.join("\n",
                "load_module " + RTMP_MODULE + ";",
                "worker_processes 1;",
                "pid " + directory.resolve("nginx.pid") + ";",
                "error_log " + directory.resolve("error.log") + " info;",
                "events { worker_connections 64; }",
                "rtmp {",
                "  server {",
                "    listen 127.0.0.1:" + port + ";",
                "    application " + APPLICATION + " { live on; }",
                "  }",
                "}",
                "");
    }
}
