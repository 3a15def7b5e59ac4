/**
 * Demultiplexing of the one UDP flow a BUNDLE'd, rtcp-mux'ed WebRTC transport uses:
 * {@link io.chorus.core.net.PacketClassifier} tells STUN, DTLS, RTP and RTCP apart by their first
 * bytes (<a href="https://www.rfc-editor.org/rfc/rfc7983">RFC 7983</a>, and
 * <a href="https://www.rfc-editor.org/rfc/rfc5761">RFC 5761</a> section 4 for RTCP against RTP) and
 * answers a {@link io.chorus.core.net.PacketKind}.
 *
 * <p>Called for every datagram on ice4j's receive thread (and on the load client's
 * {@code ice-client-*} reader threads), so it is stateless, reads two bytes at most, allocates
 * nothing and never throws: what it cannot place is {@code UNKNOWN}, for the caller to count.
 */
package io.chorus.core.net;
