/**
 * DTLS-SRTP (<a href="https://www.rfc-editor.org/rfc/rfc5764">RFC 5764</a>) over DTLS 1.2
 * (<a href="https://www.rfc-editor.org/rfc/rfc6347">RFC 6347</a>) on Bouncy Castle: the handshake
 * that authenticates the browser by the fingerprint in its SDP
 * (<a href="https://www.rfc-editor.org/rfc/rfc8122">RFC 8122</a>; role from {@code a=setup},
 * <a href="https://www.rfc-editor.org/rfc/rfc8842">RFC 8842</a>) and exports the SRTP master keys.
 * {@link io.chorus.core.dtls.DtlsTransport} is one association, bytes in and bytes out, never a
 * socket; {@link io.chorus.core.dtls.DtlsCertificate} is the server's identity (generated or loaded
 * once at start-up), {@link io.chorus.core.dtls.CertificateFingerprint} the pin, compared in
 * constant time, and {@link io.chorus.core.dtls.DtlsSrtpKeys} the exported keys split by role for
 * {@code srtp}.
 *
 * <p>Threads: Bouncy Castle's DTLS API blocks, so each transport runs its handshake on a daemon
 * thread of its own, {@code dtls-server-<n>-<participant>} ({@code dtls-client-...} when the offer
 * insists on being the DTLS server, and in the load client), which then stays parked to answer
 * retransmissions and notice the peer's close; the
 * {@link io.chorus.core.dtls.DtlsTransportListener} is called there. ice4j's receive thread only
 * offers a copy of each datagram to a bounded queue, and must never wait for the DTLS thread: a
 * full queue drops the datagram, which DTLS retransmits. {@code close()} may come from any thread
 * and waits at most 2 s for the DTLS thread. A handshake without a common SRTP profile, or whose
 * certificate misses the pin, is aborted rather than left without media protection.
 */
package io.chorus.core.dtls;
