package io.chorus.signalling.server;

import io.chorus.signalling.auth.TokenSeats;
import io.chorus.signalling.conference.Role;
import io.chorus.signalling.protocol.ClientMessage;
import io.chorus.signalling.protocol.ProtocolException;

/** Decides whether a join may proceed (with auth on: checks its token and takes one of its seats). */
public interface JoinGate {
    /**
     * The gate of a server without auth: everybody may join any room, and moderate it, as anybody
     * may use the REST API. There are no roles, so a lock could keep nobody out: it is refused.
     */
    JoinGate OPEN = new JoinGate() {
        @Override
        public Admission admit(ClientMessage.Join join) {
            return new Admission(null, () -> { }, Role.MODERATOR);
        }

        @Override
        public boolean rolesEnforced() {
            return false;
        }
    };

    /**
     * What a join was allowed.
     *
     * @param maxBitrate a downstream bitrate cap the join's credentials impose, or null for none
     * @param seat       given back when the session ends, so the token may be used again
     * @param role       what the participant may do in the room
     */
    record Admission(Integer maxBitrate, TokenSeats.Seat seat, Role role) {
    }

    /** @throws ProtocolException when the join is refused */
    Admission admit(ClientMessage.Join join) throws ProtocolException;

    /** Whether joins carry roles (tokens), so that locking a room means something. */
    boolean rolesEnforced();
}
