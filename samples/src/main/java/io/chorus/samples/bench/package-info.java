/**
 * The benchmarks behind docs/benchmarks.md, each beside an anchor doing the same media work, so
 * that a number means something. {@link io.chorus.samples.bench.MixerBenchmark} runs one room's
 * mixer in process on N WebM inputs ({@link io.chorus.samples.bench.BenchInputs}, made with the
 * system's {@code ffmpeg}) and splits its CPU into decode, compose, encode and audio, against the
 * FFmpeg command line of {@link io.chorus.samples.bench.FfmpegAnchor}.
 * {@link io.chorus.samples.bench.LoadBenchmark} starts the server as its own process and drives it
 * with the load client ({@code samples.load}), one room of each size and then more and more rooms
 * until the server no longer keeps real time, with the FFmpeg anchor per size; both rewrite their
 * section of the document. {@link io.chorus.samples.bench.JanusAudioBridgeBench} measures a
 * packaged Janus AudioBridge with plain-RTP participants on 127.0.0.1, for audio-only rooms, and
 * prints a table.
 *
 * <p>Threads: {@code MixerBenchmark}'s main thread feeds the in-process mixer every packet at its
 * due time, as a network thread would; the mixer runs its own {@code audio-}/{@code video-} tick
 * threads and a two-thread {@code decode} pool, whose CPU time is read per thread.
 * {@code LoadBenchmark} brings the load client's threads. The Janus bench sends on one
 * {@code rtp-sender} thread and receives every socket through one selector on one
 * {@code rtp-receiver} thread, so the client costs little next to the server it measures. Processes
 * started here (the server, Janus, ffmpeg, bash) are waited for or stopped through their own
 * handles, never looked up by name.
 */
package io.chorus.samples.bench;
