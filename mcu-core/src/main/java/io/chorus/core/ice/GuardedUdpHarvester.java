package io.chorus.core.ice;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ice4j.TransportAddress;
import org.ice4j.ice.Component;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.harvest.SinglePortUdpHarvester;
import org.ice4j.util.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ice4j's single-port harvester, made safe for traffic from strangers. ice4j gives every new
 * source address that names a live ufrag its own socket, queue and connector thread, before any
 * check of who sent it. Here a new address is accepted only when its Binding Request carries a
 * MESSAGE-INTEGRITY made with the session's password (which only the session's own peer knows),
 * and only up to a few addresses per session: ICE needs one per candidate pair, not thousands.
 *
 * <p>{@link #maybeAcceptNewSession} runs on ice4j's one receive thread for the whole port, so it
 * never throws: anything thrown there would end media for every participant.
 */
final class GuardedUdpHarvester extends SinglePortUdpHarvester {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedUdpHarvester.class);

    private final int maxAddressesPerSession;
    private final MediaPortStats stats;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final StunIntegrity integrity = new StunIntegrity();

    GuardedUdpHarvester(TransportAddress local, int maxAddressesPerSession, MediaPortStats stats)
            throws IOException {
        super(local);
        this.maxAddressesPerSession = maxAddressesPerSession;
        this.stats = stats;
    }

    /** Called when an agent gathers; the agent's password keys the integrity check of its peer. */
    @Override
    public Collection<LocalCandidate> harvest(Component component) {
        var agent = component.getParentStream().getParentAgent();
        sessions.put(agent.getLocalUfrag(), new Session(agent.getLocalPassword()));
        return super.harvest(component);
    }

    /** Forgets a session whose agent was freed, so its ufrag admits nobody again. */
    void forget(String ufrag) {
        sessions.remove(ufrag);
    }

    @Override
    protected MySocket maybeAcceptNewSession(Buffer buffer, InetSocketAddress remote, String ufrag) {
        try {
            Session session = sessions.get(ufrag);
            if (session == null) {
                return null;
            }
            if (!integrity.verify(buffer.getBuffer(), buffer.getOffset(), buffer.getLength(), session.password)) {
                stats.unauthenticatedAddress();
                if (session.firstUnauthenticated()) {
                    LOG.info("ICE {}: ignoring {} and any later address whose Binding Request fails the"
                            + " integrity check (counted in /metrics)", ufrag, remote);
                }
                return null;
            }
            if (session.addresses >= maxAddressesPerSession) {
                stats.addressOverLimit();
                if (session.firstOverLimit()) {
                    LOG.warn("ICE {}: refusing {}: the session already has {} remote addresses, the limit"
                            + " (later refusals are counted in /metrics only)", ufrag, remote, session.addresses);
                }
                return null;
            }
            MySocket socket = super.maybeAcceptNewSession(buffer, remote, ufrag);
            if (socket != null) {
                session.addresses++;
            }
            return socket;
        } catch (Throwable t) {
            if (stats.receiveFailure()) {
                LOG.error("ICE {}: could not accept {}; the packet is dropped and the port goes on ({} such"
                        + " failures on the port so far)", ufrag, remote, stats.receiveFailures(), t);
            }
            return null;
        }
    }

    /** What one session's peer has been allowed so far; written only by the receive thread. */
    private static final class Session {
        final String password;
        int addresses;
        private boolean warnedUnauthenticated;
        private boolean warnedOverLimit;

        Session(String password) {
            this.password = password;
        }

        boolean firstUnauthenticated() {
            boolean first = !warnedUnauthenticated;
            warnedUnauthenticated = true;
            return first;
        }

        boolean firstOverLimit() {
            boolean first = !warnedOverLimit;
            warnedOverLimit = true;
            return first;
        }
    }
}
