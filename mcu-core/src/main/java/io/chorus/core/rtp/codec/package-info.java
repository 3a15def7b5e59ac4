/**
 * Between RTP packets and complete encoded frames, independent of any one codec.
 * {@link io.chorus.core.rtp.codec.PayloadFormats} picks, by SDP encoding name, a
 * {@link io.chorus.core.rtp.codec.Depacketizer} per incoming SSRC and a
 * {@link io.chorus.core.rtp.codec.Packetizer} per outgoing stream; both speak
 * {@link io.chorus.core.rtp.codec.EncodedFrame}. For video,
 * {@link io.chorus.core.rtp.codec.VideoFrameAssembler} does the codec-independent work (reordering,
 * holes that a NACK may still fill, giving up on a frame, waiting for a key frame after a loss) and
 * asks a {@link io.chorus.core.rtp.codec.VideoPayloadFormat} only what one payload holds;
 * {@link io.chorus.core.rtp.codec.SequenceJumpFilter} tells a restarted sender from a stray packet
 * as <a href="https://www.rfc-editor.org/rfc/rfc3550#appendix-A.1">RFC 3550 appendix A.1</a> does.
 * The formats themselves are in {@code vp8}, {@code h264} and {@code opus}.
 *
 * <p>Threads: depacketizers run on ice4j's receive thread under their stream's lock, packetizers on
 * a {@code downstream} sender thread under theirs; neither is thread-safe. A frame leaves the
 * receive thread for the mixer (its decode pool, its audio tick) and leaves a tick thread for every
 * receiver of an output, so nobody may write to a frame's bytes once it is handed on. The video
 * assembler never holds more than its window of packets (512 by default) and never releases a frame
 * out of order, nor a delta frame whose references were lost: a decoder fed that would show
 * corruption until the next key frame. Opus is passed on at once; waiting for late audio is the
 * mixer's jitter buffer's job.
 */
package io.chorus.core.rtp.codec;
