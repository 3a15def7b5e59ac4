package io.chorus.signalling.conference;

import java.util.Optional;

/**
 * Where a join goes: the reserved {@code echo} room sends every participant its own media back
 * through the full server path (a connectivity check, like Janus's EchoTest); every other id is a
 * conference room.
 */
public final class RoomDirectory {
    public static final String ECHO_ROOM = "echo";

    private final EchoRoom echo;
    private final Conferences conferences;

    public RoomDirectory(EchoRoom echo, Conferences conferences) {
        this.echo = echo;
        this.conferences = conferences;
    }

    /**
     * Joins; the client hears its {@link Welcome} through {@code signals} before this returns.
     *
     * @param maxBitrate the downstream cap, from the join and its token; null for none
     */
    public Peer join(String roomId, String name, Role role, Integer maxBitrate, ParticipantSignals signals)
            throws ConferenceException {
        if (ECHO_ROOM.equals(roomId)) {
            return echo.join(name, signals);
        }
        return conferences.join(roomId, name, role, maxBitrate, signals);
    }

    /** The conference room of that id, if open; the echo room is none. */
    public Optional<Room> conference(String roomId) {
        return ECHO_ROOM.equals(roomId) ? Optional.empty() : conferences.room(roomId);
    }
}
