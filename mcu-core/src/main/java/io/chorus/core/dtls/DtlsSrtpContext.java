package io.chorus.core.dtls;

import io.chorus.core.srtp.SrtpProfile;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Bouncy Castle server and client peers of one {@link DtlsTransport} have in common: the
 * protocol policy (DTLS 1.2, ECDHE_ECDSA suites, extended master secret), our credentials, the
 * fingerprint check, the SRTP profile, and what the handshake produced. Both peers delegate here so
 * that the two roles cannot drift apart.
 * <p>
 * The keying material is exported from inside {@code notifyHandshakeComplete}: BC wipes the master
 * secret before {@code accept}/{@code connect} return, so later would be too late.
 */
final class DtlsSrtpContext {
    private static final Logger LOG = LoggerFactory.getLogger(DtlsSrtpContext.class);

    /** Thread-safe and stateless apart from its SecureRandom, so one serves every transport. */
    static final BcTlsCrypto CRYPTO = new BcTlsCrypto(new SecureRandom());

    /**
     * Our certificate is ECDSA, so only ECDHE_ECDSA suites can work. AES-128-GCM first (what browsers
     * pick); AES-256-GCM and ChaCha20 for peers that prefer them; CBC ones for old stacks.
     */
    private static final int[] CIPHER_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
    };

    /** Our certificate is signed with, and our key signs with, ECDSA over SHA-256. */
    private static final SignatureAndHashAlgorithm ECDSA_SHA256 =
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);

    private final String name;
    private final DtlsRole role;
    private final DtlsCertificate certificate;
    private final PeerCertificateCheck peerCheck;
    private final List<SrtpProfile> srtpProfiles;
    private final int handshakeTimeoutMillis;

    // Written and read on the DTLS thread only, apart from closeNotifyReceived.
    private SrtpProfile negotiatedProfile;
    private DtlsHandshakeResult result;
    private volatile boolean closeNotifyReceived;

    DtlsSrtpContext(String name, DtlsRole role, DtlsCertificate certificate, CertificateFingerprint remoteFingerprint,
            DtlsSettings settings) {
        this.name = name;
        this.role = role;
        this.certificate = certificate;
        this.peerCheck = new PeerCertificateCheck(name, remoteFingerprint);
        this.srtpProfiles = settings.srtpProfiles();
        this.handshakeTimeoutMillis = (int) settings.handshakeTimeout().toMillis();
    }

    ProtocolVersion[] protocolVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    int[] cipherSuites() {
        return TlsUtils.getSupportedCipherSuites(CRYPTO, CIPHER_SUITES);
    }

    int handshakeTimeoutMillis() {
        return handshakeTimeoutMillis;
    }

    List<SrtpProfile> srtpProfiles() {
        return srtpProfiles;
    }

    /** Server: remember the profile picked from the client's offer. Client: the one the server chose. */
    void srtpProfileNegotiated(SrtpProfile profile) {
        this.negotiatedProfile = profile;
    }

    SrtpProfile negotiatedProfile() {
        return negotiatedProfile;
    }

    TlsCredentialedSigner signerCredentials(TlsContext context) throws IOException {
        TlsCertificate tlsCertificate = CRYPTO.createCertificate(certificate.encoded());
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), CRYPTO,
                certificate.privateKey(), new Certificate(new TlsCertificate[] {tlsCertificate}), ECDSA_SHA256);
    }

    void verifyPeerCertificate(Certificate chain) throws IOException {
        peerCheck.verify(chain);
    }

    void handshakeComplete(TlsContext context) throws IOException {
        if (negotiatedProfile == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "no SRTP profile was negotiated");
        }
        byte[] keyingMaterial = context.exportKeyingMaterial(DtlsSrtpKeys.EXPORTER_LABEL, null,
                negotiatedProfile.keyingMaterialLength());
        result = new DtlsHandshakeResult(role, negotiatedProfile, keyingMaterial);
    }

    /** Null until the handshake completed. */
    DtlsHandshakeResult result() {
        return result;
    }

    boolean closeNotifyReceived() {
        return closeNotifyReceived;
    }

    void alertRaised(short level, short description, String message, Throwable cause) {
        if (level == AlertLevel.fatal) {
            LOG.info("{}: sending fatal alert {}{}", name, AlertDescription.getText(description),
                    message == null ? "" : ": " + message, cause);
        } else {
            LOG.debug("{}: sending alert {}", name, AlertDescription.getText(description));
        }
    }

    void alertReceived(short level, short description) {
        if (description == AlertDescription.close_notify) {
            closeNotifyReceived = true;
        }
        if (level == AlertLevel.fatal) {
            LOG.info("{}: peer sent fatal alert {}", name, AlertDescription.getText(description));
        } else {
            LOG.debug("{}: peer sent alert {}", name, AlertDescription.getText(description));
        }
    }
}
