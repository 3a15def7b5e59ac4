package io.chorus.signalling.room;

import io.chorus.signalling.protocol.ClientMessage;
import io.chorus.signalling.protocol.ProtocolException;

/**
 * Where a join goes: the reserved {@code echo} room sends every participant its own media back
 * through the full server path (a connectivity check, like Janus's EchoTest); every other id is a
 * conference room.
 */
public final class RoomDirectory {
    public static final String ECHO_ROOM = "echo";

    private final EchoRoom echo;
    private final RoomRegistry conferences;

    public RoomDirectory(EchoRoom echo, RoomRegistry conferences) {
        this.echo = echo;
        this.conferences = conferences;
    }

    /**
     * Joins and sends the client {@code joined}.
     *
     * @param maxBitrate the downstream cap, from the join and its token; null for none
     */
    public Participant join(ClientMessage.Join join, Integer maxBitrate, SignallingChannel channel)
            throws ProtocolException {
        if (ECHO_ROOM.equals(join.room())) {
            return echo.join(join.id(), join.name(), channel);
        }
        return conferences.join(join.room(), join.id(), join.name(), maxBitrate, channel);
    }
}
