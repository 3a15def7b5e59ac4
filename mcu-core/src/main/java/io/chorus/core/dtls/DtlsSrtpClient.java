package io.chorus.core.dtls;

import java.io.IOException;
import java.util.Hashtable;

import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;

/** Bouncy Castle client peer for the CLIENT role (we answered {@code a=setup:active}). */
final class DtlsSrtpClient extends DefaultTlsClient {
    private final DtlsSrtpContext srtp;

    DtlsSrtpClient(DtlsSrtpContext srtp) {
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

    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getClientExtensions() throws IOException {
        Hashtable clientExtensions = super.getClientExtensions();
        TlsSRTPUtils.addUseSRTPExtension(clientExtensions, UseSrtpNegotiation.offer(srtp.srtpProfiles()));
        return clientExtensions;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        srtp.srtpProfileNegotiated(UseSrtpNegotiation.acceptAnswer(TlsSRTPUtils.getUseSRTPExtension(serverExtensions),
                srtp.srtpProfiles()));
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                srtp.verifyPeerCertificate(serverCertificate.getCertificate());
            }

            /** Always answered: a WebRTC server needs our certificate to match our SDP fingerprint. */
            @Override
            public TlsCredentials getClientCredentials(CertificateRequest certificateRequest) throws IOException {
                return srtp.signerCredentials(context);
            }
        };
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
