/**
 * The log's shape: {@link io.chorus.signalling.logging.LogFormat} (text or JSON lines on standard
 * output, chosen by {@code log.format}), {@link io.chorus.signalling.logging.LogContext} (the room
 * and participant ids a thread's lines carry as fields) and {@link io.chorus.signalling.logging.LogText}
 * (client-chosen text kept on one line).
 *
 * <p>Threads: the main thread applies the format once at startup; any thread opens a log context
 * around the work it does for one room (the WebSocket and REST handlers; the mixer's threads name
 * their room in their thread name instead).
 */
package io.chorus.signalling.logging;
