package io.chorus.core.dtls;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DatagramTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fuzzes what a peer reaches before any DTLS handshake completes: the datagram queue, Bouncy Castle's DTLS
 * record and handshake parsing, and our server peer's handling of the ClientHello (SRTP profile
 * selection through use_srtp, extended master secret, cipher suites, the certificate request). The input
 * is a sequence of datagrams, each a big-endian 16-bit length and its bytes. They are played, in the
 * fuzzing thread and without waiting, to {@link DTLSServerProtocol#accept} with a {@link DtlsSrtpServer},
 * the way {@link DtlsTransport} runs it; when they run out the transport fails, which ends the handshake.
 * <p>
 * Contract: the handshake attempt ends with an IOException (a fatal alert, a failed handshake, the
 * exhausted transport), never an unchecked exception, and everything the server sends fits the datagram
 * size; the queue takes a datagram of 1 to 1500 bytes whole and drops any other. The HelloVerifyRequest
 * cookie exchange is off here, unlike in {@link DtlsTransport}: the cookie is random, so no saved input
 * could get past it, and it only adds a round trip in front of the same code. Without JAZZER_FUZZ this
 * replays the inputs under {@code DtlsServerFuzzTestInputs/clientFlight/}.
 */
class DtlsServerFuzzTest {
    private static final DtlsCertificate SERVER = TransportPair.Certificates.SERVER;
    private static final CertificateFingerprint CLIENT = TransportPair.Certificates.CLIENT.fingerprint();
    private static final int MAX_DATAGRAMS = 32;
    /** Each failed attempt logs the alert it sends at INFO: millions of lines while fuzzing. */
    private static final Logger CONTEXT_LOG = (Logger) LoggerFactory.getLogger(DtlsSrtpContext.class);
    private static Level contextLogLevel;

    @BeforeAll
    static void quietAlerts() {
        contextLogLevel = CONTEXT_LOG.getLevel();
        CONTEXT_LOG.setLevel(Level.WARN);
    }

    @AfterAll
    static void restoreAlerts() {
        CONTEXT_LOG.setLevel(contextLogLevel);
    }

    @FuzzTest(maxDuration = "5m")
    void clientFlight(byte[] input) {
        Deque<byte[]> datagrams = new ArrayDeque<>();
        for (int pos = 0; pos + 2 <= input.length && datagrams.size() < MAX_DATAGRAMS; ) {
            int length = ((input[pos] & 0xFF) << 8) | (input[pos + 1] & 0xFF);
            pos += 2;
            byte[] datagram = Arrays.copyOfRange(input, pos, Math.min(input.length, pos + length));
            pos += datagram.length;
            checkQueue(datagram);
            if (datagram.length > 0 && datagram.length <= DatagramQueueTransport.MIN_RECEIVE_LIMIT) {
                datagrams.add(datagram);
            }
        }

        DtlsSettings settings = DtlsSettings.defaults();
        DtlsSrtpServer server = new DtlsSrtpServer(
                new DtlsSrtpContext("fuzz", DtlsRole.SERVER, SERVER, CLIENT, settings));
        DTLSServerProtocol protocol = new DTLSServerProtocol();
        protocol.setVerifyRequests(false);
        try {
            protocol.accept(server, new Replay(datagrams, settings.maxDatagramSize()));
            fail("a handshake completed on fuzzed datagrams");
        } catch (IOException expected) {
            // what DtlsTransport reports as a failed handshake
        }
    }

    /** The queue DtlsTransport.receive feeds: a datagram it takes comes out whole. */
    private static void checkQueue(byte[] datagram) {
        DatagramQueueTransport queue = new DatagramQueueTransport((b, o, l) -> { }, 1200, 1);
        boolean taken = queue.offer(datagram, 0, datagram.length);
        assertEquals(datagram.length > 0 && datagram.length <= DatagramQueueTransport.MIN_RECEIVE_LIMIT, taken);
        if (taken) {
            byte[] received = new byte[queue.getReceiveLimit()];
            try {
                assertEquals(datagram.length, queue.receive(received, 0, received.length, 1));
            } catch (IOException e) {
                fail(e);
            }
            assertTrue(Arrays.equals(datagram, Arrays.copyOf(received, datagram.length)));
        } else {
            assertEquals(1, queue.droppedCount());
        }
    }

    /** Plays the datagrams, then fails like a closed DatagramQueueTransport. */
    private static final class Replay implements DatagramTransport {
        private final Deque<byte[]> datagrams;
        private final int sendLimit;

        Replay(Deque<byte[]> datagrams, int sendLimit) {
            this.datagrams = datagrams;
            this.sendLimit = sendLimit;
        }

        @Override
        public int getReceiveLimit() {
            return DatagramQueueTransport.MIN_RECEIVE_LIMIT;
        }

        @Override
        public int getSendLimit() {
            return sendLimit;
        }

        @Override
        public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
            byte[] datagram = datagrams.poll();
            if (datagram == null) {
                throw new IOException("no more datagrams");
            }
            int length = Math.min(datagram.length, len);
            System.arraycopy(datagram, 0, buf, off, length);
            return length;
        }

        @Override
        public void send(byte[] buf, int off, int len) {
            assertTrue(len <= sendLimit, "sent a " + len + "-byte datagram, limit " + sendLimit);
        }

        @Override
        public void close() {
        }
    }
}
