package io.chorus.signalling.conference;

import io.chorus.core.session.SessionState;

/**
 * How a room reaches one participant's client; each kind of client (the WebSocket protocol today,
 * WHIP and WHEP tomorrow) implements it in its own way. Called on signalling, transport, mixer and
 * recorder threads, sometimes under the room's lock: implementations queue and return, never block.
 */
public interface ParticipantSignals {
    /** The participant is in: called once, before any other member hears of it. */
    void onAdmitted(Welcome welcome);

    /** A server candidate to trickle; {@code candidate} null means there are no more. */
    void onLocalCandidate(String candidate, String mid, int mLineIndex);

    void onConnectionState(SessionState state, String detail);

    /** An event of the room, or one about this participant alone; after {@link RoomEvent.Closed} nothing follows. */
    void onRoomEvent(RoomEvent event);
}
