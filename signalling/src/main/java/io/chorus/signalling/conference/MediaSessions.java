package io.chorus.signalling.conference;

import java.io.IOException;

import io.chorus.core.session.MediaSession;
import io.chorus.core.session.PeerSession;
import io.chorus.core.session.TransportContext;

/** Where rooms get their participants' media sessions: the shared UDP transport, or a test's fakes. */
@FunctionalInterface
public interface MediaSessions {
    /** @param name for logs, e.g. {@code room/p3} */
    MediaSession open(String name, MediaSession.Listener listener) throws IOException;

    /** Sessions on the server's shared ICE/DTLS/SRTP transport. */
    static MediaSessions on(TransportContext transport) {
        return (name, listener) -> new PeerSession(transport, name, listener);
    }
}
