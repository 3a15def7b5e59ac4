package io.chorus.signalling.room;

import io.chorus.signalling.protocol.ErrorCode;
import io.chorus.signalling.protocol.ProtocolException;

/**
 * Finds the room a client asks to join. This build has one room, {@code echo}, which sends every
 * participant its own media back through the full server path; mixed conference rooms arrive
 * with the mixer.
 */
public final class RoomDirectory {
    public static final String ECHO_ROOM = "echo";

    private final EchoRoom echo;

    public RoomDirectory(EchoRoom echo) {
        this.echo = echo;
    }

    public Participant join(String room, String name, SignallingChannel channel) throws ProtocolException {
        if (!ECHO_ROOM.equals(room)) {
            throw new ProtocolException(ErrorCode.ROOM_NOT_AVAILABLE,
                    "room '" + room + "' is not available: this server build offers only the 'echo' test room");
        }
        return echo.join(name, channel);
    }
}
