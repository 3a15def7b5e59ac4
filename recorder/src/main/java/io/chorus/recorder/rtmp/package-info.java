/**
 * Live broadcasts: {@link io.chorus.recorder.rtmp.RtmpBroadcast} pushes a room's composite (H.264
 * at the canvas size) and full mix (AAC) as FLV to an RTMP or RTMPS ingest server such as YouTube
 * Live or Twitch. Network trouble never ends a broadcast: it moves to RECONNECTING and retries with
 * {@link io.chorus.core.retry.Backoff} (1 s doubling to 30 s) until it is stopped, each
 * new connection starting at a fresh key frame asked of the mixer; only a fault retrying cannot fix
 * ends it FAILED ({@link io.chorus.recorder.rtmp.BroadcastState}). Key frames are scheduled by
 * media time, every 2 s by default as ingest services want, however far the worker lags.
 * {@link io.chorus.recorder.rtmp.RtmpEndpoint} validates the URL and masks its stream key, a secret
 * that lets anyone publish to the channel, in everything it prints.
 *
 * <p>Threads: the mixer's tick threads only queue frames. Connecting, AAC encoding and sending run
 * on the broadcast's {@code sink-broadcast-<id>} worker, where FFmpeg's network calls are given the
 * I/O timeout (5 s by default), and the {@link io.chorus.recorder.rtmp.BroadcastListener} is told
 * of each state there, or on the thread calling {@code stop()}; it must return quickly and must not
 * call {@code stop()}, which waits for that worker. {@code stop()} comes from a signalling thread
 * or the room's closing thread and waits at most twice the I/O timeout; a worker still stuck in a
 * native call is left its connection rather than have it freed under it.
 */
package io.chorus.recorder.rtmp;
