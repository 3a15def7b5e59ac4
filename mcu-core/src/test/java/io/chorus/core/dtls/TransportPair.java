package io.chorus.core.dtls;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A SERVER and a CLIENT transport wired back to back in memory: each one's sender feeds the other's
 * receive(), which only queues, so the two DTLS threads talk as over a lossless network.
 */
final class TransportPair implements AutoCloseable {
    final DtlsCertificate serverCertificate;
    final DtlsCertificate clientCertificate;
    final RecordingListener serverListener = new RecordingListener();
    final RecordingListener clientListener = new RecordingListener();
    final DtlsTransport server;
    final DtlsTransport client;

    private TransportPair(DtlsCertificate serverCertificate, DtlsCertificate clientCertificate,
            CertificateFingerprint serverExpects, CertificateFingerprint clientExpects, DtlsSettings serverSettings,
            DtlsSettings clientSettings) {
        this.serverCertificate = serverCertificate;
        this.clientCertificate = clientCertificate;
        AtomicReference<DtlsTransport> serverRef = new AtomicReference<>();
        AtomicReference<DtlsTransport> clientRef = new AtomicReference<>();
        server = new DtlsTransport("test-server", DtlsRole.SERVER, serverCertificate, serverExpects,
                (b, o, l) -> clientRef.get().receive(b, o, l), serverListener, serverSettings);
        client = new DtlsTransport("test-client", DtlsRole.CLIENT, clientCertificate, clientExpects,
                (b, o, l) -> serverRef.get().receive(b, o, l), clientListener, clientSettings);
        serverRef.set(server);
        clientRef.set(client);
    }

    /** Both sides know each other's real fingerprint. */
    static TransportPair honest(DtlsSettings serverSettings, DtlsSettings clientSettings) {
        DtlsCertificate serverCertificate = Certificates.SERVER;
        DtlsCertificate clientCertificate = Certificates.CLIENT;
        return new TransportPair(serverCertificate, clientCertificate, clientCertificate.fingerprint(),
                serverCertificate.fingerprint(), serverSettings, clientSettings);
    }

    static TransportPair honest() {
        return honest(DtlsSettings.defaults(), DtlsSettings.defaults());
    }

    static TransportPair expecting(CertificateFingerprint serverExpects, CertificateFingerprint clientExpects) {
        return new TransportPair(Certificates.SERVER, Certificates.CLIENT, serverExpects, clientExpects,
                DtlsSettings.defaults(), DtlsSettings.defaults());
    }

    void start() {
        server.start();
        client.start();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }

    /** Key generation is the slow part of a test; three certificates serve every test in the package. */
    static final class Certificates {
        static final DtlsCertificate SERVER = DtlsCertificate.generate("test-server");
        static final DtlsCertificate CLIENT = DtlsCertificate.generate("test-client");
        static final DtlsCertificate STRANGER = DtlsCertificate.generate("stranger");

        private Certificates() {
        }
    }
}
