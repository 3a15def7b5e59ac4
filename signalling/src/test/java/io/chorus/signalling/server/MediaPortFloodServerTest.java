package io.chorus.signalling.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The probe of the hardening review, against a started server: Binding Requests naming a live
 * participant's ufrag from 500 source ports leave the server's threads and fds flat, are counted in
 * {@code /metrics}, and leave another room's media flowing.
 */
class MediaPortFloodServerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void bindingRequestsWithALiveUfragFromManyPortsHoldNothing() throws Exception {
        try (ChorusServer server = TestServers.start();
                MediaWitness witness = MediaWitness.join(server);
                TestWebSocket victim = new TestWebSocket(URI.create("ws://127.0.0.1:" + server.httpAddress().getPort()
                        + "/ws"))) {
            victim.send("{\"type\":\"join\",\"room\":\"flooded\",\"name\":\"V\"}");
            victim.next("joined");
            victim.send(MAPPER.createObjectNode().put("type", "offer").put("sdp", ConferenceSignallingTest.chromeOffer())
                    .toString());
            String answer = victim.next("answer").get("sdp").asText();
            Matcher ufrag = Pattern.compile("a=ice-ufrag:(\\S+)").matcher(answer);
            assertTrue(ufrag.find(), answer);
            String candidate = victim.next("candidate").get("candidate").asText();
            int mediaPort = Integer.parseInt(candidate.split(" ")[5]);
            InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), mediaPort);

            // The metrics scrape and the session's own ICE checks start their threads first.
            awaitMetric(server, "chorus_media_port_unauthenticated_addresses_total 0.0");
            Thread.sleep(1000);
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            String namesBefore = threadNames();
            int fdsBefore = openFiles();
            for (int i = 0; i < 500; i++) {
                try (DatagramSocket attacker = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                    byte[] request = unsignedBindingRequest(ufrag.group(1) + ":attacker");
                    attacker.send(new DatagramPacket(request, request.length, target));
                }
                if (i % 25 == 24) {
                    Thread.sleep(2); // a flood that loopback itself would drop would prove nothing
                }
            }
            // UDP: on a loaded machine loopback may still drop a few (CI once counted 472 of 500 unpaced).
            String metrics = awaitCounter(server, "chorus_media_port_unauthenticated_addresses_total", 475);
            assertTrue(metrics.contains("chorus_media_port_receive_restarts_total 0.0"), metrics);
            int threads = ManagementFactory.getThreadMXBean().getThreadCount();
            assertTrue(threads <= threadsBefore + 3, "threads " + threadsBefore + " -> " + threads + "\nbefore " + namesBefore
                    + "\nafter  " + threadNames());
            assertTrue(openFiles() <= fdsBefore + 5, "fds " + fdsBefore + " -> " + openFiles());
            witness.assertReceiving("after the flood of Binding Requests");
        }
    }

    /** A Binding Request a stranger can make from an observed ufrag: no password, so no integrity. */
    private static byte[] unsignedBindingRequest(String username) {
        byte[] user = username.getBytes(StandardCharsets.UTF_8);
        int padded = (user.length + 3) & ~3;
        ByteBuffer b = ByteBuffer.allocate(20 + 4 + padded);
        b.putShort((short) 0x0001).putShort((short) (4 + padded)).putInt(0x2112A442);
        byte[] transaction = new byte[12];
        ThreadLocalRandom.current().nextBytes(transaction);
        b.put(transaction).putShort((short) 0x0006).putShort((short) user.length).put(user);
        return b.array();
    }

    private static String awaitMetric(ChorusServer server, String line) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.httpAddress().getPort() + "/metrics");
        long deadline = System.nanoTime() + 10_000_000_000L;
        String body;
        do {
            body = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains(line)) {
                return body;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no '" + line + "' in /metrics:\n" + body);
    }

    /** Waits until {@code counter} reaches {@code min}; returns the scrape. */
    private static String awaitCounter(ChorusServer server, String counter, double min) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.httpAddress().getPort() + "/metrics");
        Pattern line = Pattern.compile("(?m)^" + Pattern.quote(counter) + " (\\S+)$");
        long deadline = System.nanoTime() + 10_000_000_000L;
        String body;
        do {
            body = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = line.matcher(body);
            if (m.find() && Double.parseDouble(m.group(1)) >= min) {
                return body;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(counter + " did not reach " + min + " in /metrics:\n" + body);
    }

    private static String threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList().toString();
    }

    private static int openFiles() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }
}
