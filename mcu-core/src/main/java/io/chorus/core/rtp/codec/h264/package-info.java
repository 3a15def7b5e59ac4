/**
 * H.264 over RTP in packetization mode 1
 * (<a href="https://www.rfc-editor.org/rfc/rfc6184">RFC 6184</a>): single NAL unit packets, STAP-A
 * and FU-A; the interleaved mode-2 types are refused.
 * {@link io.chorus.core.rtp.codec.h264.H264Format} turns each payload into Annex B bytes (start
 * code plus NAL unit), so an access unit's fragments concatenate into a stream a decoder takes as
 * it is; {@link io.chorus.core.rtp.codec.h264.H264Packetizer} goes the other way, aggregating small
 * units (SPS and PPS before an IDR) and cutting large ones into even FU-A fragments.
 * {@link io.chorus.core.rtp.codec.h264.H264AccessUnit} and
 * {@link io.chorus.core.rtp.codec.h264.H264Sps} read what a receiver joining at a key frame needs
 * (IDR, parameter sets, picture size) from the NAL units themselves (ITU-T H.264 sections 7.3 and
 * 7.4), removing emulation prevention bytes as they go.
 *
 * <p>Threads: parsing runs on ice4j's receive thread and packetizing on a {@code downstream} sender
 * thread; everything here is stateless or immutable. An SPS from the wire is read with every
 * Exp-Golomb length and count bounded, so a hostile one costs an exception, not a loop or an
 * overflow.
 */
package io.chorus.core.rtp.codec.h264;
