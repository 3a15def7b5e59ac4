package io.chorus.core.dtls;

import io.chorus.core.srtp.SrtpProfile;

import static io.chorus.core.srtp.SrtpProfile.SRTP_AEAD_AES_128_GCM;
import static io.chorus.core.srtp.SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DtlsTransportTest {

    static Stream<Arguments> profileNegotiations() {
        return Stream.of(
                // server preference, client offer, expected
                Arguments.of(List.of(SRTP_AEAD_AES_128_GCM, SRTP_AES128_CM_HMAC_SHA1_80),
                        List.of(SRTP_AEAD_AES_128_GCM, SRTP_AES128_CM_HMAC_SHA1_80), SRTP_AEAD_AES_128_GCM),
                Arguments.of(List.of(SRTP_AEAD_AES_128_GCM, SRTP_AES128_CM_HMAC_SHA1_80),
                        List.of(SRTP_AES128_CM_HMAC_SHA1_80), SRTP_AES128_CM_HMAC_SHA1_80),
                // the server's preference wins over the client's order
                Arguments.of(List.of(SRTP_AES128_CM_HMAC_SHA1_80, SRTP_AEAD_AES_128_GCM),
                        List.of(SRTP_AEAD_AES_128_GCM, SRTP_AES128_CM_HMAC_SHA1_80), SRTP_AES128_CM_HMAC_SHA1_80),
                Arguments.of(List.of(SRTP_AEAD_AES_128_GCM, SRTP_AES128_CM_HMAC_SHA1_80),
                        List.of(SRTP_AES128_CM_HMAC_SHA1_80, SRTP_AEAD_AES_128_GCM), SRTP_AEAD_AES_128_GCM));
    }

    @ParameterizedTest
    @MethodSource("profileNegotiations")
    void handshakeAgreesOnProfileAndKeyingMaterial(List<SrtpProfile> serverProfiles,
            List<SrtpProfile> clientOffer, SrtpProfile expected) throws Exception {
        DtlsSettings defaults = DtlsSettings.defaults();
        try (TransportPair pair = TransportPair.honest(
                defaults.withSrtpProfiles(serverProfiles.toArray(SrtpProfile[]::new)),
                defaults.withSrtpProfiles(clientOffer.toArray(SrtpProfile[]::new)))) {
            pair.start();
            DtlsHandshakeResult server = pair.serverListener.awaitCompleted();
            DtlsHandshakeResult client = pair.clientListener.awaitCompleted();

            assertEquals(expected, server.profile());
            assertEquals(expected, client.profile());
            assertEquals(expected.dtlsProtectionProfileId(), server.profileId());
            assertEquals(DtlsRole.SERVER, server.role());
            assertEquals(DtlsRole.CLIENT, client.role());
            assertEquals(expected.keyingMaterialLength(), server.keyingMaterial().length);
            assertArrayEquals(server.keyingMaterial(), client.keyingMaterial());
            assertEquals(server.srtpKeys().local(), client.srtpKeys().remote());
            assertEquals(client.srtpKeys().local(), server.srtpKeys().remote());
            assertFalse(server.srtpKeys().local().equals(server.srtpKeys().remote()));
            assertFalse(pair.serverListener.failed.isDone());
            assertFalse(pair.clientListener.failed.isDone());
        }
    }

    @Test
    void eachHandshakeExportsFreshKeys() throws Exception {
        byte[] first;
        try (TransportPair pair = TransportPair.honest()) {
            pair.start();
            first = pair.serverListener.awaitCompleted().keyingMaterial();
        }
        try (TransportPair pair = TransportPair.honest()) {
            pair.start();
            assertFalse(Arrays.equals(first, pair.serverListener.awaitCompleted().keyingMaterial()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha-1", "sha-384", "sha-512"})
    void remoteFingerprintMayUseOtherHashFunctions(String hashFunction) throws Exception {
        try (TransportPair pair = TransportPair.expecting(
                TransportPair.Certificates.CLIENT.fingerprint(hashFunction),
                TransportPair.Certificates.SERVER.fingerprint(hashFunction))) {
            pair.start();
            assertArrayEquals(pair.serverListener.awaitCompleted().keyingMaterial(),
                    pair.clientListener.awaitCompleted().keyingMaterial());
        }
    }

    @Test
    void serverRejectsClientCertificateThatDoesNotMatchFingerprint() throws Exception {
        try (TransportPair pair = TransportPair.expecting(TransportPair.Certificates.STRANGER.fingerprint(),
                TransportPair.Certificates.SERVER.fingerprint())) {
            pair.start();
            String serverReason = pair.serverListener.awaitFailed();
            String clientReason = pair.clientListener.awaitFailed();
            assertTrue(serverReason.contains("bad_certificate"), serverReason);
            assertTrue(serverReason.contains("does not match the SDP fingerprint "
                    + TransportPair.Certificates.STRANGER.fingerprint()), serverReason);
            assertTrue(clientReason.contains("peer sent fatal alert bad_certificate"), clientReason);
            assertFalse(pair.serverListener.completed.isDone());
            assertFalse(pair.clientListener.completed.isDone());
        }
    }

    @Test
    void clientRejectsServerCertificateThatDoesNotMatchFingerprint() throws Exception {
        try (TransportPair pair = TransportPair.expecting(TransportPair.Certificates.CLIENT.fingerprint(),
                TransportPair.Certificates.STRANGER.fingerprint())) {
            pair.start();
            String clientReason = pair.clientListener.awaitFailed();
            String serverReason = pair.serverListener.awaitFailed();
            assertTrue(clientReason.contains("remote certificate fingerprint "
                    + TransportPair.Certificates.SERVER.fingerprint()), clientReason);
            assertTrue(clientReason.contains("does not match"), clientReason);
            assertTrue(serverReason.contains("peer sent fatal alert bad_certificate"), serverReason);
            assertFalse(pair.serverListener.completed.isDone());
            assertFalse(pair.clientListener.completed.isDone());
        }
    }

    @Test
    void noCommonSrtpProfileFailsBothSides() throws Exception {
        try (TransportPair pair = TransportPair.honest(DtlsSettings.defaults().withSrtpProfiles(SRTP_AES128_CM_HMAC_SHA1_80),
                DtlsSettings.defaults().withSrtpProfiles(SRTP_AEAD_AES_128_GCM))) {
            pair.start();
            String serverReason = pair.serverListener.awaitFailed();
            assertTrue(serverReason.contains("no common SRTP profile"), serverReason);
            assertTrue(pair.clientListener.awaitFailed().contains("handshake_failure"));
        }
    }

    @Test
    void handshakeTimesOutWithoutPeer() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (DtlsTransport server = new DtlsTransport("lonely", DtlsRole.SERVER, TransportPair.Certificates.SERVER,
                TransportPair.Certificates.CLIENT.fingerprint(), (b, o, l) -> { }, listener,
                DtlsSettings.defaults().withHandshakeTimeout(Duration.ofMillis(300)))) {
            long startNanos = System.nanoTime();
            server.start();
            String reason = listener.awaitFailed();
            assertTrue(reason.contains("no DTLS handshake within 300 ms"), reason);
            assertTrue(System.nanoTime() - startNanos < TimeUnit.SECONDS.toNanos(10));
            waitUntilStopped(server);
        }
    }

    @Test
    void datagramsThatAreNotDtlsRecordsAreIgnored() throws Exception {
        try (TransportPair pair = TransportPair.honest()) {
            pair.server.start();
            for (byte[] garbage : randomDatagrams(new Random(5764))) {
                pair.server.receive(garbage, 0, garbage.length);
                pair.client.receive(garbage, 0, garbage.length);
            }
            pair.client.start();
            assertArrayEquals(pair.serverListener.awaitCompleted().keyingMaterial(),
                    pair.clientListener.awaitCompleted().keyingMaterial());
        }
    }

    /**
     * Epoch 0 has no MAC, so BC takes any well-framed epoch-0 record as genuine: it drops the
     * content it cannot use but still marks the record's sequence number as seen. The peer's own
     * record with that number is then discarded as a replay, and the handshake completes one
     * retransmission (about 1 s) later.
     */
    @ParameterizedTest
    @ValueSource(ints = {20, 22, 23, 24})
    void forgedEpochZeroRecordDelaysButDoesNotBreakTheHandshake(int contentType) throws Exception {
        try (TransportPair pair = TransportPair.honest()) {
            pair.server.start();
            byte[] forged = dtlsRecord(contentType, 0, 1, new Random(contentType).ints(40, 0, 256));
            pair.server.receive(forged, 0, forged.length);
            pair.client.receive(forged, 0, forged.length);
            byte[] truncatedClientHello = dtlsRecord(22, 0, 2, IntStream.of(1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0));
            pair.server.receive(truncatedClientHello, 0, truncatedClientHello.length);
            pair.client.start();
            assertArrayEquals(pair.serverListener.awaitCompleted().keyingMaterial(),
                    pair.clientListener.awaitCompleted().keyingMaterial());
        }
    }

    /**
     * The same weakness with a sequence number far ahead moves BC's replay window past everything
     * the real peer will send during the handshake: DTLS 1.2 cannot tell, and the handshake fails
     * cleanly at its timeout on both sides. Only a sender that can spoof the peer's ICE address can
     * do this.
     */
    @Test
    void forgedEpochZeroRecordFarAheadStallsTheHandshakeUntilItsTimeout() throws Exception {
        DtlsSettings shortTimeout = DtlsSettings.defaults().withHandshakeTimeout(Duration.ofSeconds(2));
        try (TransportPair pair = TransportPair.honest(shortTimeout, shortTimeout)) {
            pair.server.start();
            byte[] forged = dtlsRecord(23, 0, 1L << 40, IntStream.range(0, 20));
            pair.server.receive(forged, 0, forged.length);
            pair.client.start();
            assertTrue(pair.serverListener.awaitFailed().contains("no DTLS handshake within 2000 ms"));
            assertTrue(pair.clientListener.awaitFailed().contains("no DTLS handshake within 2000 ms"));
            waitUntilStopped(pair.server);
            waitUntilStopped(pair.client);
        }
    }

    @Test
    void garbageAfterTheHandshakeIsDiscarded() throws Exception {
        try (TransportPair pair = TransportPair.honest()) {
            pair.start();
            pair.serverListener.awaitCompleted();
            pair.clientListener.awaitCompleted();
            for (byte[] garbage : randomDatagrams(new Random(8842))) {
                pair.server.receive(garbage, 0, garbage.length);
            }
            // Epoch-1 records are authenticated: forged ones fail the AEAD check and are dropped.
            for (int contentType : new int[] {21, 22, 23}) {
                byte[] forged = dtlsRecord(contentType, 1, 1, new Random(contentType).ints(64, 0, 256));
                pair.server.receive(forged, 0, forged.length);
            }

            pair.client.close();
            assertEquals("peer sent close_notify", pair.serverListener.awaitClosed());
        }
    }

    @Test
    void closeAfterHandshakeSendsCloseNotifyAndIsIdempotent() throws Exception {
        try (TransportPair pair = TransportPair.honest()) {
            pair.start();
            pair.serverListener.awaitCompleted();
            pair.clientListener.awaitCompleted();
            assertTrue(pair.server.isRunning());

            pair.server.close();
            pair.server.close();
            assertFalse(pair.server.isRunning());
            assertEquals("peer sent close_notify", pair.clientListener.awaitClosed());
            waitUntilStopped(pair.client);
            assertEquals(1, pair.serverListener.callbacks.get(), "nothing reported after our own close()");
            assertEquals(2, pair.clientListener.callbacks.get());
        }
    }

    @Test
    void closeDuringHandshakeStopsTheThreadQuietly() throws Exception {
        RecordingListener listener = new RecordingListener();
        DtlsTransport server = new DtlsTransport("waiting", DtlsRole.SERVER, TransportPair.Certificates.SERVER,
                TransportPair.Certificates.CLIENT.fingerprint(), (b, o, l) -> { }, listener);
        server.start();
        assertTrue(server.isRunning());
        server.close();
        server.close();
        assertFalse(server.isRunning());
        assertEquals(0, listener.callbacks.get());
    }

    @Test
    void closeFromTheListenerDoesNotDeadlock() throws Exception {
        CompletableFuture<DtlsTransport> self = new CompletableFuture<>();
        RecordingListener recorder = new RecordingListener();
        DtlsTransportListener closing = new DtlsTransportListener() {
            @Override
            public void onHandshakeComplete(DtlsHandshakeResult result) {
                self.join().close();
                recorder.onHandshakeComplete(result);
            }

            @Override
            public void onHandshakeFailed(String reason) {
                recorder.onHandshakeFailed(reason);
            }

            @Override
            public void onClosed(String reason) {
                recorder.onClosed(reason);
            }
        };
        RecordingListener serverListener = new RecordingListener();
        AtomicReference<DtlsTransport> serverRef = new AtomicReference<>();
        DtlsTransport client = new DtlsTransport("closing-client", DtlsRole.CLIENT,
                TransportPair.Certificates.CLIENT, TransportPair.Certificates.SERVER.fingerprint(),
                (b, o, l) -> serverRef.get().receive(b, o, l), closing);
        DtlsTransport server = new DtlsTransport("server", DtlsRole.SERVER, TransportPair.Certificates.SERVER,
                TransportPair.Certificates.CLIENT.fingerprint(), (b, o, l) -> client.receive(b, o, l), serverListener);
        serverRef.set(server);
        self.complete(client);
        try {
            server.start();
            client.start();
            recorder.awaitCompleted();
            assertEquals("peer sent close_notify", serverListener.awaitClosed());
            waitUntilStopped(client);
            assertFalse(recorder.closed.isDone());
        } finally {
            client.close();
            server.close();
        }
    }

    @Test
    void throwingListenerDoesNotStopTheTransport() throws Exception {
        CompletableFuture<String> closedReason = new CompletableFuture<>();
        DtlsTransportListener throwing = new DtlsTransportListener() {
            @Override
            public void onHandshakeComplete(DtlsHandshakeResult result) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onHandshakeFailed(String reason) {
                closedReason.completeExceptionally(new AssertionError(reason));
            }

            @Override
            public void onClosed(String reason) {
                closedReason.complete(reason);
            }
        };
        RecordingListener clientListener = new RecordingListener();
        AtomicReference<DtlsTransport> serverRef = new AtomicReference<>();
        DtlsTransport client = new DtlsTransport("client", DtlsRole.CLIENT, TransportPair.Certificates.CLIENT,
                TransportPair.Certificates.SERVER.fingerprint(), (b, o, l) -> serverRef.get().receive(b, o, l),
                clientListener);
        try (DtlsTransport server = new DtlsTransport("server", DtlsRole.SERVER, TransportPair.Certificates.SERVER,
                TransportPair.Certificates.CLIENT.fingerprint(), (b, o, l) -> client.receive(b, o, l), throwing)) {
            serverRef.set(server);
            server.start();
            client.start();
            clientListener.awaitCompleted();
            client.close();
            assertEquals("peer sent close_notify", closedReason.get(RecordingListener.WAIT_SECONDS, TimeUnit.SECONDS));
        }
    }

    @Test
    void startTwiceIsRefusedAndStartAfterCloseDoesNothing() {
        DtlsTransport transport = new DtlsTransport("t", DtlsRole.CLIENT, TransportPair.Certificates.CLIENT,
                TransportPair.Certificates.SERVER.fingerprint(), (b, o, l) -> { }, new RecordingListener());
        transport.close();
        transport.start();
        assertFalse(transport.isRunning());
        assertThrows(IllegalStateException.class, transport::start);
    }

    @Test
    void senderFailureFailsTheHandshake() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (DtlsTransport client = new DtlsTransport("broken", DtlsRole.CLIENT, TransportPair.Certificates.CLIENT,
                TransportPair.Certificates.SERVER.fingerprint(), (b, o, l) -> {
                    throw new IllegalStateException("socket gone");
                }, listener)) {
            client.start();
            assertTrue(listener.awaitFailed().contains("sending a DTLS datagram failed"));
        }
    }

    @Test
    void receiveRejectsBadBounds() {
        DtlsTransport transport = new DtlsTransport("t", DtlsRole.SERVER, TransportPair.Certificates.SERVER,
                TransportPair.Certificates.CLIENT.fingerprint(), (b, o, l) -> { }, new RecordingListener());
        assertThrows(IndexOutOfBoundsException.class, () -> transport.receive(new byte[10], 5, 6));
        transport.receive(new byte[0], 0, 0);
        assertEquals(1, transport.droppedDatagrams());
    }

    /** Random bytes of lengths around the 13-byte DTLS record header, none a well-framed record. */
    private static List<byte[]> randomDatagrams(Random random) {
        List<byte[]> out = new ArrayList<>();
        for (int length : new int[] {1, 12, 13, 14, 100, 1200}) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            out.add(bytes);
        }
        return out;
    }

    /** A DTLS 1.2 record header (RFC 6347 4.1) around the given body. */
    private static byte[] dtlsRecord(int contentType, int epoch, long sequenceNumber, IntStream body) {
        int[] payload = body.toArray();
        byte[] record = new byte[13 + payload.length];
        record[0] = (byte) contentType;
        record[1] = (byte) 0xFE;
        record[2] = (byte) 0xFD;
        record[3] = (byte) (epoch >> 8);
        record[4] = (byte) epoch;
        for (int i = 0; i < 6; i++) {
            record[5 + i] = (byte) (sequenceNumber >>> (8 * (5 - i)));
        }
        record[11] = (byte) (payload.length >> 8);
        record[12] = (byte) payload.length;
        for (int i = 0; i < payload.length; i++) {
            record[13 + i] = (byte) payload[i];
        }
        return record;
    }

    private static void waitUntilStopped(DtlsTransport transport) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RecordingListener.WAIT_SECONDS);
        while (transport.isRunning() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(transport.isRunning(), "DTLS thread still running");
    }
}
