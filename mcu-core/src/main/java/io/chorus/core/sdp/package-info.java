/**
 * Session descriptions (<a href="https://www.rfc-editor.org/rfc/rfc8866">RFC 8866</a>) and the
 * answer the server gives a browser's offer, as JSEP
 * (<a href="https://www.rfc-editor.org/rfc/rfc8829">RFC 8829</a>) and offer/answer
 * (<a href="https://www.rfc-editor.org/rfc/rfc3264">RFC 3264</a>) describe it.
 * {@link io.chorus.core.sdp.SdpParser} reads an offer into a
 * {@link io.chorus.core.sdp.SessionDescription}, keeping unknown attributes as written;
 * {@link io.chorus.core.sdp.SdpAnswerer} decides each m-line on its own (Opus audio, VP8 or H.264
 * video, with the feedback and header extensions the server implements), bundles the accepted ones
 * on one transport (<a href="https://www.rfc-editor.org/rfc/rfc9143">RFC 9143</a>) and writes the
 * answer; {@link io.chorus.core.sdp.NegotiatedSession} and
 * {@link io.chorus.core.sdp.NegotiatedMedia} are what the transport is then built from.
 * {@link io.chorus.core.sdp.IceCandidate} is the candidate line
 * (<a href="https://www.rfc-editor.org/rfc/rfc8839">RFC 8839</a>), in an SDP or trickled alone.
 *
 * <p>Threads: offers and trickled candidates are parsed on the signalling thread that received them
 * (Netty's WebSocket executor group), and the server's candidates are written on the
 * {@code transport-timers} thread that trickles them. Everything is stateless or immutable, with no
 * I/O. Nothing is taken on trust: a malformed offer is refused with an
 * {@link io.chorus.core.sdp.SdpException} naming its line, and an m-line the server cannot carry is
 * rejected with port 0 in the answer rather than accepted and left silent.
 */
package io.chorus.core.sdp;
