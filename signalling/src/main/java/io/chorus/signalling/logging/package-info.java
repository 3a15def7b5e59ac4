/**
 * The log's shape: {@link io.chorus.signalling.logging.LogFormat} (text or JSON lines on standard
 * output, chosen by {@code log.format}) and {@link io.chorus.signalling.logging.LogContext} (the room
 * and participant ids a thread's lines carry as fields).
 *
 * <p>Threads: the main thread applies the format once at startup; any thread opens a log context
 * around the work it does for one room (WebSocket and REST handlers, the rooms' tick threads).
 */
package io.chorus.signalling.logging;
