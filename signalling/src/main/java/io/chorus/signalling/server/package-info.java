/**
 * The network front door on Netty: one HTTP port serving the WebSocket protocol at {@code /ws}, the
 * REST API under {@code /api/}, {@code /metrics} and the sample pages; and
 * {@link io.chorus.signalling.server.ChorusServer}, which builds the whole server from its
 * configuration.
 *
 * <p>Threads: Netty's event loops do HTTP; WebSocket messages run on a separate executor group,
 * since accepting an offer creates an ICE agent. Handlers never block an event loop on a room.
 */
package io.chorus.signalling.server;
