package io.chorus.core.dtls;

import java.io.IOException;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.TlsFatalAlert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates the peer the WebRTC way: its end-entity certificate must hash to the fingerprint
 * from its SDP (RFC 8122 5, RFC 8827 6.5). Dates, issuer and chain are deliberately not checked;
 * browsers use self-signed certificates. Proof that the peer holds the matching private key comes
 * from the handshake's CertificateVerify / ServerKeyExchange signature, which BC checks afterwards.
 */
final class PeerCertificateCheck {
    private static final Logger LOG = LoggerFactory.getLogger(PeerCertificateCheck.class);

    private final String transportName;
    private final CertificateFingerprint expected;

    PeerCertificateCheck(String transportName, CertificateFingerprint expected) {
        this.transportName = transportName;
        this.expected = expected;
    }

    /** @throws TlsFatalAlert bad_certificate on a mismatch, handshake_failure if no certificate came */
    void verify(Certificate chain) throws IOException {
        if (chain == null || chain.isEmpty()) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure,
                    "peer sent no certificate; DTLS-SRTP needs one to match the SDP fingerprint");
        }
        byte[] der = chain.getCertificateAt(0).getEncoded();
        if (!expected.matches(der)) {
            String reason = "remote certificate fingerprint "
                    + CertificateFingerprint.compute(expected.hashFunction(), der)
                    + " does not match the SDP fingerprint " + expected;
            LOG.warn("{}: {}", transportName, reason);
            throw new TlsFatalAlert(AlertDescription.bad_certificate, reason);
        }
    }
}
