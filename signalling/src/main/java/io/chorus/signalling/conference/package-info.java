/**
 * Conference rooms and their participants, with no wire format in them: no JSON, no Netty, no
 * protocol types.
 *
 * <p>{@link io.chorus.signalling.conference.Conferences} opens and closes
 * {@link io.chorus.signalling.conference.Room}s; a room owns its mixer, its recordings and
 * broadcasts, and its {@link io.chorus.signalling.conference.Participant}s in join order. Every
 * client kind joins as the same {@code Participant} and differs only in its
 * {@link io.chorus.signalling.conference.ParticipantSignals} (the WebSocket protocol today).
 * Participants report to their room through a listener, never a back-reference; the room tells
 * what happens as typed {@link io.chorus.signalling.conference.RoomEvent}s to its members and to
 * the server's {@link io.chorus.signalling.conference.RoomListener}s (metrics). Media sessions come
 * from a {@link io.chorus.signalling.conference.MediaSessions} factory, so that all of this is
 * tested without sockets.
 *
 * <p>Threads: signalling threads (WebSocket, REST) join, negotiate, mute and close; transport
 * threads deliver frames, states and estimates; the mixer's tick threads report speakers, demand
 * and key-frame needs; recorder workers report recording and broadcast states. Membership changes
 * take the room's lock; nothing under it blocks, and tick and receive threads read only published
 * snapshots. Mixed frames leave the tick through {@code DownstreamSender}'s bounded queue.
 */
package io.chorus.signalling.conference;
