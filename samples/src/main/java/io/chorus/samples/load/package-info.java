/**
 * The load client: synthetic participants that join a running server over the real protocol
 * (WebSocket signalling, ICE, DTLS-SRTP, RTP) on loopback and measure what comes back.
 * {@link io.chorus.samples.load.LoadClient} is the command line,
 * {@link io.chorus.samples.load.LoadRun} one run of {@link io.chorus.samples.load.LoadSettings},
 * {@link io.chorus.samples.load.LoadResult} and {@link io.chorus.samples.load.LoadReport} what it
 * measured. Each participant offers like Chrome, sends pre-encoded clips (a VP8 loop per size and
 * rate, an Opus tone or the silence of a listener with DTX, each packet already carrying its
 * <a href="https://www.rfc-editor.org/rfc/rfc6464">RFC 6464</a> level), follows the server's
 * {@code video-constraints} and REMB by switching clips as a browser's encoder would, and stamps a
 * frame counter into its picture, which a reader finds in the decoded composite to measure the
 * latency the mixer adds.
 *
 * <p>Threads: the main thread encodes the clips before anyone joins, so that the measured window
 * spends the client's CPU on the network side only; one unnamed joiner thread per room joins its
 * members in order, so the grid order is known. One {@code load-pacer} thread sends every
 * participant's frames and audio on the clock: audio packets are copied from ones built in advance
 * and only stamped, video frames encoded in advance are only packetized. It must never block or
 * encode, or the client, not the server, would set the pace. Each participant receives on its own
 * {@code ice-client-<name>} reader, which also decodes the composite for the participants that read
 * it, runs its DTLS handshake on a {@code dtls-client-*} thread, and gets signalling on the JDK
 * HTTP client's WebSocket threads. {@link io.chorus.samples.load.ProcessSampler} reads the server's
 * CPU and memory from {@code /proc}.
 */
package io.chorus.samples.load;
