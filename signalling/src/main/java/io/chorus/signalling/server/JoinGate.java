package io.chorus.signalling.server;

import io.chorus.signalling.auth.TokenSeats;
import io.chorus.signalling.protocol.ClientMessage;
import io.chorus.signalling.protocol.ProtocolException;

/** Decides whether a join may proceed (with auth on: checks its token and takes one of its seats). */
@FunctionalInterface
public interface JoinGate {
    /** The gate of a server without auth: everybody may join any room. */
    JoinGate OPEN = join -> new Admission(null, () -> { });

    /**
     * What a join was allowed.
     *
     * @param maxBitrate a downstream bitrate cap the join's credentials impose, or null for none
     * @param seat       given back when the session ends, so the token may be used again
     */
    record Admission(Integer maxBitrate, TokenSeats.Seat seat) {
    }

    /** @throws ProtocolException when the join is refused */
    Admission admit(ClientMessage.Join join) throws ProtocolException;
}
