/**
 * Opus over RTP (<a href="https://www.rfc-editor.org/rfc/rfc7587">RFC 7587</a>): one Opus packet
 * per RTP packet, never fragmented. {@link io.chorus.core.rtp.codec.opus.OpusDepacketizer} checks
 * each packet's framing with {@link io.chorus.core.rtp.codec.opus.OpusPacket} (the rules of
 * <a href="https://www.rfc-editor.org/rfc/rfc6716#section-3.4">RFC 6716 section 3.4</a>) and passes
 * it on at once, reporting how many packets were missing before it so the decoder can conceal them;
 * {@link io.chorus.core.rtp.codec.opus.OpusPacketizer} wraps the mixer's packets.
 * {@link io.chorus.core.rtp.codec.opus.OpusToc} reads the TOC byte
 * (<a href="https://www.rfc-editor.org/rfc/rfc6716#section-3.1">RFC 6716 section 3.1</a>) for frame
 * and packet durations, and builds the one-byte packet the mixer's decoder feeds libopus to conceal
 * a lost frame at the right mode and bandwidth.
 *
 * <p>Threads: depacketizing runs on ice4j's receive thread, packetizing on a {@code downstream}
 * sender thread; the Opus decoder reads TOCs on the mixer's audio tick and on the recorder's sink
 * workers. Nothing here decodes or waits: late audio is the mixer's jitter buffer's business.
 */
package io.chorus.core.rtp.codec.opus;
