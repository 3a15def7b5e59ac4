package io.chorus.signalling.server;

import java.time.Duration;

/**
 * What one WebSocket connection may cost the server.
 *
 * @param maxMessagesPerSecond average messages a second a client may send (bursts of twice that)
 * @param joinTimeout          how long a connection may stay open without joining a room
 * @param maxPendingReplyBytes replies queued for a client that does not read, before it is closed
 */
record WebSocketLimits(int maxMessagesPerSecond, Duration joinTimeout, int maxPendingReplyBytes) {
}
