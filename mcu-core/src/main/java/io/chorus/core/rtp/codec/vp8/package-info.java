/**
 * VP8 over RTP (<a href="https://www.rfc-editor.org/rfc/rfc7741">RFC 7741</a>).
 * {@link io.chorus.core.rtp.codec.vp8.Vp8Descriptor} reads and writes the payload descriptor;
 * {@link io.chorus.core.rtp.codec.vp8.Vp8FrameHeader} reads the start of the frame itself
 * (<a href="https://www.rfc-editor.org/rfc/rfc6386#section-9.1">RFC 6386 section 9.1</a>) for the
 * key frame flag and picture size; {@link io.chorus.core.rtp.codec.vp8.Vp8Format} is what the frame
 * assembler asks about each payload, and {@link io.chorus.core.rtp.codec.vp8.Vp8Packetizer} cuts
 * the server's encoded frames into even-sized packets whose 15-bit picture id counts the server's
 * own frames, so a receiver sees one continuous stream whichever encoder made them.
 *
 * <p>Threads: parsing runs on ice4j's receive thread, packetizing on a {@code downstream} sender
 * thread (in the load client: its {@code ice-client-*} readers and its {@code load-pacer}); the
 * records are immutable, and a packetizer belongs to one outgoing stream. Reserved bits are ignored
 * on read and written as zero, and partitions are not marked on write, both as the RFC allows; a
 * key frame's 10-byte header must sit in its first packet, as libwebrtc also requires.
 */
package io.chorus.core.rtp.codec.vp8;
