package io.chorus.core.dtls;

/**
 * Outcome of one {@link DtlsTransport}, reported on its DTLS thread. Either
 * {@link #onHandshakeFailed} once, or {@link #onHandshakeComplete} followed at most once by
 * {@link #onClosed}. Once the owner has called {@link DtlsTransport#close()} nothing more is
 * reported, though a callback already under way may still finish.
 */
public interface DtlsTransportListener {
    /** The peer proved it holds the certificate from the SDP, and SRTP keys are ready. */
    void onHandshakeComplete(DtlsHandshakeResult result);

    /** No SRTP keys will come: timeout, fingerprint mismatch, an alert from the peer, or a send error. */
    void onHandshakeFailed(String reason);

    /** After a completed handshake, the peer sent close_notify or a fatal alert, or the transport broke. */
    void onClosed(String reason);
}
