/**
 * The FFmpeg codecs the server runs (bytedeco's FFmpeg 8.0 with libvpx, OpenH264, libopus and
 * swscale), each behind a small wrapper that owns its native objects and frees them on
 * {@code close()}. Video: {@link io.chorus.mixer.codec.VideoDecoder} keeps a participant's latest
 * picture in native memory until it is scaled to a tile; {@link io.chorus.mixer.codec.VideoEncoder}
 * encodes the composite for WebRTC (no look-ahead, constant bitrate, key frames on request, VP8
 * bitrate changes in place); {@link io.chorus.mixer.codec.PictureResizer} scales the canvas to a
 * smaller profile. Audio: {@link io.chorus.mixer.codec.OpusDecoder} (with packet-loss concealment),
 * {@link io.chorus.mixer.codec.OpusEncoder} (voip, in-band FEC) and
 * {@link io.chorus.mixer.codec.AacEncoder} for files and broadcasts. Opus runs on the system's
 * libopus where it can ({@link io.chorus.mixer.codec.OpusLibrary}: Debian's optimised build, called
 * through Java 17's incubating foreign-function API, at half the CPU of the unoptimised libopus inside
 * bytedeco's FFmpeg), else on FFmpeg's wrapper; the two implementations behave alike and are tested
 * together.
 * {@link io.chorus.mixer.codec.KeyFrameLimiter} keeps bursts of PLI/FIR from receivers to one
 * forced key frame per interval; {@link io.chorus.mixer.codec.CodecWarmUp} opens each codec once at
 * start-up so that the first join does not pay for loading FFmpeg. Failures of FFmpeg calls are
 * {@link io.chorus.mixer.codec.FfmpegException}s; bad bitstream from a peer is not a failure but a
 * dropped, counted frame.
 *
 * <p>Threads: no codec object is thread-safe; each is used by one thread at a time. Video decoders
 * run on the server's {@code decode} pool, Opus decoders on the {@code audio-<room>} tick, encoders
 * on the tick of their kind, and the recorder's Opus decoders and AAC encoders on its sink workers.
 * Encoders are opened and closed on {@code codec-lifecycle-<room>}, never on a tick: FFmpeg
 * serialises opening and closing codecs behind a process-wide lock, and libvpx allocates megabytes
 * on open, so either would stall the room's media. The wrappers take no lock of their own around a
 * codec call; a caller that must keep {@code close()} away from a decode in progress locks its own
 * object, as the inputs do.
 */
package io.chorus.mixer.codec;
