/**
 * RTP packets as the transport sees them
 * (<a href="https://www.rfc-editor.org/rfc/rfc3550">RFC 3550</a>):
 * {@link io.chorus.core.rtp.RtpPacket} is a view over the caller's array that reads the header and
 * its <a href="https://www.rfc-editor.org/rfc/rfc8285">RFC 8285</a> extensions where they lie and
 * rewrites header fields there, so no payload is copied to read or relabel a packet;
 * {@link io.chorus.core.rtp.Rtx} restores a retransmission
 * (<a href="https://www.rfc-editor.org/rfc/rfc4588">RFC 4588</a>) to its original packet inside the
 * same array; {@link io.chorus.core.rtp.AudioLevelExtension} reads the client-to-mixer audio level
 * (<a href="https://www.rfc-editor.org/rfc/rfc6464">RFC 6464</a>) the mixer chooses speakers by;
 * {@link io.chorus.core.rtp.SequenceNumbers}, {@link io.chorus.core.rtp.SequenceUnwrapper} and
 * {@link io.chorus.core.rtp.RtpTimestampUnwrapper} do wrap-aware arithmetic.
 *
 * <p>Threads: incoming packets are parsed on ice4j's receive thread and outgoing ones built on a
 * {@code downstream} sender thread; the mixer's audio tick and the recorder's sink workers unwrap
 * timestamps. A view belongs to whoever owns its array, so it must not be kept past the callback
 * that handed it over, and an unwrapper holds one stream's state for one thread. Reading a packet
 * allocates only the view: {@link io.chorus.core.rtp.RtpPacket#payload()} copies, so the packet
 * path reads the payload through {@code buffer()} and {@code payloadOffset()} instead.
 */
package io.chorus.core.rtp;
