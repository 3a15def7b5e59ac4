/**
 * Containers through libavformat. {@link io.chorus.recorder.mux.Muxer} writes encoded packets of
 * the {@link io.chorus.recorder.mux.MuxStream}s it was opened with into a file or an
 * {@code rtmp://} URL (WebM, Matroska, MP4, FLV): the output opens at construction, so a bad target
 * fails at once; the header waits for the first video key frame, which gives the picture size and,
 * for H.264, the SPS and PPS; each packet is flushed, so a crash loses only what the container
 * itself buffers. {@link io.chorus.recorder.mux.RoomTimeline} puts the mixer's 90 kHz video and 48
 * kHz audio RTP timestamps on one 720 kHz line, so that both wrap together and a room older than 13
 * hours keeps its sync. The small helpers build what containers need up front: the Opus
 * identification header
 * (<a href="https://www.rfc-editor.org/rfc/rfc7845#section-5.1">RFC 7845 section 5.1</a>), a VP8
 * key frame's size
 * (<a href="https://www.rfc-editor.org/rfc/rfc6386#section-9.1">RFC 6386 section 9.1</a>), an H.264
 * access unit's parameter sets.
 *
 * <p>Threads: {@code Muxer} and {@code RoomTimeline} are not thread-safe. A file's muxer is opened
 * by the thread that starts the recording, a broadcast's by its worker; packets are written on the
 * {@code sink-*} worker alone, and the thread that stops a recording writes the trailer once the
 * worker has finished. FFmpeg's calls block on the disk or the network ({@code rw_timeout} bounds
 * an RTMP connection's), which is why they must never run on a tick or receive thread, nor under a
 * lock that those threads take.
 */
package io.chorus.recorder.mux;
