/**
 * The WebSocket signalling protocol (docs/protocol.md): client messages parsed into
 * {@link io.chorus.signalling.protocol.ClientMessage}s with precise
 * {@link io.chorus.signalling.protocol.ErrorCode}s, and room events turned into server messages by
 * {@link io.chorus.signalling.protocol.ClientSignals}, one per joined client. SDP and ICE
 * candidates travel as in <a href="https://www.rfc-editor.org/rfc/rfc8829">RFC 8829 (JSEP)</a>.
 *
 * <p>Threads: parsing runs on the connection's signalling executor; {@code ClientSignals} is
 * called from the room's threads (signalling, transport, mixer ticks, recorder workers) and only
 * queues on the connection, never blocks.
 */
package io.chorus.signalling.protocol;
