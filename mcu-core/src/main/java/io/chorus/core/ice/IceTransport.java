package io.chorus.core.ice;

import java.beans.PropertyChangeEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidatePair;
import org.ice4j.ice.CandidatePairState;
import org.ice4j.ice.CandidateType;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.ice.KeepAliveStrategy;
import org.ice4j.ice.RemoteCandidate;
import org.ice4j.util.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One participant's ICE agent on the shared UDP port. The server is always ICE-controlled (the
 * browser offers, so it controls) and runs full ICE; after selection it sends keep-alives, and
 * the session notices a browser that vanishes without a goodbye by its silence.
 */
public final class IceTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IceTransport.class);

    /** Receives what arrives on the selected pair, on ice4j's receive thread; must not block. */
    public interface PacketHandler {
        void onPacket(byte[] buffer, int offset, int length, long receivedNanos);
    }

    public interface StateListener {
        void onIceState(IceState state, String detail);
    }

    /** RFC 8445 5.1.2.1 type preference for server-reflexive candidates. */
    private static final long SRFLX_TYPE_PREFERENCE = 100;

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    /** Hex groups and colons, optionally ending in a dotted quad; getByName parses such text itself. */
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    private final String name;
    private final SharedUdpPort port;
    private final GuardedUdpHarvester harvester;
    private final InetAddress publicAddress;
    private final Agent agent;
    private final IceMediaStream stream;
    private final Component component;
    private final StateListener stateListener;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger remoteCandidates = new AtomicInteger();
    private volatile IceState state = IceState.CHECKING;

    public IceTransport(SharedUdpPort port, String name, PacketHandler packetHandler, StateListener stateListener)
            throws IOException {
        this.name = name;
        this.stateListener = stateListener;
        this.port = port;
        this.harvester = port.harvester();
        this.publicAddress = port.publicAddress();
        this.agent = new Agent();
        agent.setControlling(false);
        agent.setUseDynamicPorts(false);
        // Liveness is judged by the session from the browser's own traffic (see SecureTransport):
        // ice4j's consent transactions were seen to time out while the browser was alive and
        // sending, under load with several agents on the shared port. Binding indications still
        // keep NAT bindings open.
        agent.setPerformConsentFreshness(false);
        agent.setTrickling(true);
        agent.addCandidateHarvester(harvester);
        agent.addStateChangeListener(this::onAgentStateChange);
        this.stream = agent.createMediaStream("bundle");
        stream.addPairChangeListener(this::onPairChange);
        this.component = agent.createComponent(stream, KeepAliveStrategy.SELECTED_ONLY, false);
        component.setBufferCallback((Buffer b) -> deliver(packetHandler, b));
        if (component.getLocalCandidates().isEmpty()) {
            agent.free();
            harvester.forget(agent.getLocalUfrag());
            throw new IOException("no ICE candidate could be gathered on " + port.localAddress());
        }
    }

    public String localUfrag() {
        return agent.getLocalUfrag();
    }

    public String localPassword() {
        return agent.getLocalPassword();
    }

    public IceState state() {
        return state;
    }

    /** The server's candidates: the shared port, plus its public mapping when configured. */
    public List<LocalCandidate> localCandidates() {
        List<LocalCandidate> candidates = new ArrayList<>();
        for (org.ice4j.ice.LocalCandidate c : component.getLocalCandidates()) {
            TransportAddress address = c.getTransportAddress();
            candidates.add(new LocalCandidate(c.getFoundation(), component.getComponentID(), c.getPriority(),
                    address.getAddress().getHostAddress(), address.getPort(), sdpType(c.getType()),
                    c.getRelatedAddress() == null ? null : c.getRelatedAddress().getAddress().getHostAddress(),
                    c.getRelatedAddress() == null ? 0 : c.getRelatedAddress().getPort()));
            if (publicAddress != null && c.getType() == CandidateType.HOST_CANDIDATE) {
                long priority = (SRFLX_TYPE_PREFERENCE << 24) + ((c.getPriority() >>> 8) & 0xFFFF) * 256
                        + (256 - component.getComponentID());
                candidates.add(new LocalCandidate(c.getFoundation() + "1", component.getComponentID(), priority,
                        publicAddress.getHostAddress(), address.getPort(), "srflx",
                        address.getAddress().getHostAddress(), address.getPort()));
            }
        }
        return candidates;
    }

    /**
     * Sets the browser's credentials and starts answering and sending checks. Candidates may
     * arrive before or after this (trickle ICE); peer-reflexive discovery covers the case where
     * none arrive at all.
     */
    public void start(String remoteUfrag, String remotePassword) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("ICE already started for " + name);
        }
        stream.setRemoteUfrag(remoteUfrag);
        stream.setRemotePassword(remotePassword);
        agent.startConnectivityEstablishment();
    }

    /**
     * Adds a browser candidate. Returns false (and logs why) for candidates the server cannot
     * use: TCP, another component than RTP (we require rtcp-mux), or an mDNS name.
     */
    public boolean addRemoteCandidate(RemoteCandidateInfo candidate) {
        if (!"udp".equalsIgnoreCase(candidate.transport())) {
            LOG.debug("{}: ignoring {} candidate {}", name, candidate.transport(), candidate.address());
            return false;
        }
        if (candidate.component() != Component.RTP) {
            LOG.debug("{}: ignoring candidate for component {} (rtcp-mux is required)", name,
                    candidate.component());
            return false;
        }
        if (candidate.address().endsWith(".local")) {
            LOG.debug("{}: ignoring mDNS candidate {}; peer-reflexive discovery will find the browser", name,
                    candidate.address());
            return false;
        }
        int max = port.config().limits().maxRemoteCandidates();
        int count = remoteCandidates.incrementAndGet();
        if (count > max) {
            port.stats().candidateOverLimit();
            if (count == max + 1) {
                LOG.warn("{}: refusing remote candidates beyond {} (ice limit); further ones are dropped silently",
                        name, max);
            }
            return false;
        }
        InetAddress address;
        try {
            address = literalAddress(candidate.address());
        } catch (UnknownHostException e) {
            LOG.info("{}: ignoring candidate with unusable address {}: {}", name, candidate.address(),
                    e.getMessage());
            return false;
        }
        RemoteCandidate related = null;
        if (candidate.relatedAddress() != null && !candidate.relatedAddress().endsWith(".local")) {
            try {
                related = new RemoteCandidate(new TransportAddress(literalAddress(candidate.relatedAddress()),
                        candidate.relatedPort(), Transport.UDP), component, CandidateType.HOST_CANDIDATE,
                        candidate.foundation(), candidate.priority(), null);
            } catch (UnknownHostException e) {
                related = null;
            }
        }
        RemoteCandidate remote = new RemoteCandidate(new TransportAddress(address, candidate.port(), Transport.UDP),
                component, CandidateType.parse(candidate.type()), candidate.foundation(), candidate.priority(),
                related, stream.getRemoteUfrag());
        if (started.get()) {
            component.addUpdateRemoteCandidates(remote);
            component.updateRemoteCandidates();
        } else {
            component.addRemoteCandidate(remote);
        }
        return true;
    }

    /** Sends on the selected pair. Called by one sender at a time per transport. */
    public void send(byte[] buffer, int offset, int length) throws IOException {
        component.send(buffer, offset, length);
    }

    /** The selected pair as "local -> remote", or null before one is selected. */
    public String selectedPair() {
        CandidatePair pair = component.getSelectedPair();
        if (pair == null) {
            return null;
        }
        return pair.getLocalCandidate().getTransportAddress() + " -> "
                + pair.getRemoteCandidate().getTransportAddress();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            agent.free();
            harvester.forget(agent.getLocalUfrag());
            updateState(IceState.CLOSED, "closed");
        }
    }

    /**
     * Runs on the port's one receive thread: a throw here would end media for every session on
     * the port, so a failure costs this packet only.
     */
    private void deliver(PacketHandler handler, Buffer buffer) {
        try {
            handler.onPacket(buffer.getBuffer(), buffer.getOffset(), buffer.getLength(), System.nanoTime());
        } catch (Throwable t) {
            if (port.stats().receiveFailure()) {
                LOG.error("{}: handling a packet failed; it is dropped and the port goes on ({} such failures"
                        + " on the port so far)", name, port.stats().receiveFailures(), t);
            }
        }
    }

    private void onAgentStateChange(PropertyChangeEvent event) {
        if (!Agent.PROPERTY_ICE_PROCESSING_STATE.equals(event.getPropertyName())) {
            return;
        }
        IceProcessingState iceState = (IceProcessingState) event.getNewValue();
        switch (iceState) {
            case COMPLETED -> updateState(IceState.CONNECTED, "selected pair " + selectedPair());
            case FAILED -> updateState(IceState.FAILED, "no candidate pair succeeded");
            default -> {
            }
        }
    }

    /**
     * After selection a pair can still be marked failed by ice4j when one check goes unanswered
     * (a triggered check while the machine is loaded, for instance). That is not a dead browser:
     * the session judges liveness from the browser's own traffic, so this is only logged.
     */
    private void onPairChange(PropertyChangeEvent event) {
        if (!IceMediaStream.PROPERTY_PAIR_STATE_CHANGED.equals(event.getPropertyName())) {
            return;
        }
        CandidatePair pair = (CandidatePair) event.getSource();
        if (event.getNewValue() == CandidatePairState.FAILED && pair == component.getSelectedPair()
                && state == IceState.CONNECTED) {
            LOG.info("{}: ice4j marked the selected pair {} failed (a check went unanswered); media goes on",
                    name, selectedPair());
        }
    }

    private void updateState(IceState next, String detail) {
        IceState previous = state;
        if (previous == next || previous == IceState.CLOSED || (previous == IceState.FAILED && next != IceState.CLOSED)) {
            return;
        }
        state = next;
        LOG.info("{}: ICE {} -> {} ({})", name, previous, next, detail);
        stateListener.onIceState(next, detail);
    }

    /**
     * The address of an IP literal, refusing anything else before {@link InetAddress#getByName} sees
     * it: given a name, or digits and dots that are not a dotted quad, it asks DNS, and a signalling
     * thread must never wait on a lookup a stranger chose.
     */
    static InetAddress literalAddress(String address) throws UnknownHostException {
        if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
            throw new UnknownHostException("not an IP literal: " + address);
        }
        return InetAddress.getByName(address);
    }

    private static String sdpType(CandidateType type) {
        return switch (type) {
            case HOST_CANDIDATE -> "host";
            case SERVER_REFLEXIVE_CANDIDATE, STUN_CANDIDATE -> "srflx";
            case RELAYED_CANDIDATE -> "relay";
            case PEER_REFLEXIVE_CANDIDATE -> "prflx";
            case LOCAL_CANDIDATE -> "host";
        };
    }
}
