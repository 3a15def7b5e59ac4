package io.chorus.signalling.server;

import io.chorus.signalling.protocol.ClientMessage;
import io.chorus.signalling.protocol.ProtocolException;

/** Decides whether a join may proceed (with auth on: checks its token). */
@FunctionalInterface
public interface JoinGate {
    /** The gate of a server without auth: everybody may join any room. */
    JoinGate OPEN = join -> null;

    /**
     * @return a downstream bitrate cap the join's credentials impose, or null for none
     * @throws ProtocolException when the join is refused
     */
    Integer admit(ClientMessage.Join join) throws ProtocolException;
}
