/**
 * The room's Opus mix as AAC, for MP4 files and FLV broadcasts, whose players and ingest servers
 * expect AAC: {@link io.chorus.recorder.audio.OpusToAac} decodes each packet and re-encodes it with
 * FFmpeg's AAC encoder. An AAC encoder counts samples, not timestamps, so a gap in the mix (ticks
 * the mixer skipped, frames a full sink queue dropped) is filled with the Opus decoder's
 * concealment, which fades to silence; otherwise everything after the gap would play early and
 * drift from the video. A gap longer than 5 s restarts the AAC clock instead of filling it.
 *
 * <p>Threads: one instance per recording or broadcast, used only by its {@code sink-*} worker,
 * apart from the final flush and close by the thread that stops it once the worker has finished. It
 * runs two native codecs per packet, so it must never run on a tick thread.
 */
package io.chorus.recorder.audio;
