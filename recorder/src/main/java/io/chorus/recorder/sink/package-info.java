/**
 * The hand-off every recorder and broadcast uses: {@link io.chorus.recorder.sink.SinkQueue}, mcu-core's
 * {@link io.chorus.core.handoff.HandOffQueue} with a worker thread behind it, between a producer that must never wait (a mixer
 * tick thread, ice4j's receive thread) and a consumer that may block for seconds (a file on a slow
 * or full disk, a socket to a dead ingest server). Offering never blocks: a full queue
 * ({@link io.chorus.recorder.sink.MediaItem#queue}) drops the queued video and skips to the next
 * key frame, counting what it drops, which costs the recording some frames instead of costing the
 * room its timing, and never leaves undecodable video in a file. A
 * handler that throws ends the sink FAILED, and its failure listener runs once on the worker.
 *
 * <p>Threads: one daemon worker per sink, {@code sink-<name>}: {@code sink-recording:<file>} for a
 * room recording, {@code sink-participant:<file>} for one participant's file,
 * {@code sink-broadcast-<id>} for a broadcast. Everything a recorder does per frame (transcoding,
 * muxing, writing, sending) happens there. {@code close()} lets the worker write what is queued and
 * waits for it, without limit unless given a timeout, after which the worker is interrupted (a
 * native call may still hold it); called on the worker itself, from its failure listener, it
 * returns at once.
 */
package io.chorus.recorder.sink;
