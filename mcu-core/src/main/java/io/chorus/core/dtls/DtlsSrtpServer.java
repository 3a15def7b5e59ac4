package io.chorus.core.dtls;

import java.io.IOException;
import java.util.Hashtable;

import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;

/**
 * Bouncy Castle server peer for the SERVER role (we answered {@code a=setup:passive}). It demands a
 * client certificate, because in WebRTC both sides are authenticated by their SDP fingerprints.
 */
final class DtlsSrtpServer extends DefaultTlsServer {
    private final DtlsSrtpContext srtp;

    DtlsSrtpServer(DtlsSrtpContext srtp) {
        super(DtlsSrtpContext.CRYPTO);
        this.srtp = srtp;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return srtp.protocolVersions();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return srtp.cipherSuites();
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return srtp.handshakeTimeoutMillis();
    }

    /** RFC 7627; also the only state in which BC agrees to export keying material. */
    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return srtp.signerCredentials(context);
    }

    /** No certificate authorities: the fingerprint, not a CA, vouches for the client. */
    @Override
    public CertificateRequest getCertificateRequest() {
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    /** BC calls this with an empty chain when the client sent none, which {@code verify} rejects. */
    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        srtp.verifyPeerCertificate(clientCertificate);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        srtp.srtpProfileNegotiated(UseSrtpNegotiation.select(TlsSRTPUtils.getUseSRTPExtension(clientExtensions),
                srtp.srtpProfiles()));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Hashtable getServerExtensions() throws IOException {
        Hashtable serverExtensions = super.getServerExtensions();
        TlsSRTPUtils.addUseSRTPExtension(serverExtensions, UseSrtpNegotiation.answer(srtp.negotiatedProfile()));
        return serverExtensions;
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        srtp.handshakeComplete(context);
    }

    @Override
    public void notifyAlertRaised(short alertLevel, short alertDescription, String message, Throwable cause) {
        srtp.alertRaised(alertLevel, alertDescription, message, cause);
    }

    @Override
    public void notifyAlertReceived(short alertLevel, short alertDescription) {
        srtp.alertReceived(alertLevel, alertDescription);
    }
}
