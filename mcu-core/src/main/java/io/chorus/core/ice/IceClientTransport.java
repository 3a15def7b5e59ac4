package io.chorus.core.ice;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidateType;
import org.ice4j.ice.Component;
import org.ice4j.ice.HostCandidate;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.ice.KeepAliveStrategy;
import org.ice4j.ice.RemoteCandidate;
import org.ice4j.socket.IceUdpSocketWrapper;
import org.ice4j.socket.MultiplexingDatagramSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser's side of ICE, for synthetic participants (load client) and tests: a controlling
 * agent with one host candidate on its own UDP socket bound to a given address. ice4j's host
 * harvester skips loopback interfaces, so the candidate is built and registered here directly.
 * Received payload is read by one daemon thread and handed to the {@link IceTransport.PacketHandler}.
 */
public final class IceClientTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IceClientTransport.class);
    private static final int RECEIVE_BUFFER = 1500;

    private final String name;
    private final Agent agent;
    private final IceMediaStream stream;
    private final Component component;
    private final IceTransport.StateListener stateListener;
    private final IceTransport.PacketHandler packetHandler;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile IceState state = IceState.CHECKING;
    private Thread reader;

    public IceClientTransport(String name, InetAddress bindAddress, IceTransport.PacketHandler packetHandler,
            IceTransport.StateListener stateListener) throws IOException {
        this.name = name;
        this.packetHandler = packetHandler;
        this.stateListener = stateListener;
        this.agent = new Agent();
        agent.setControlling(true);
        agent.setUseDynamicPorts(false);
        agent.setPerformConsentFreshness(true);
        agent.addStateChangeListener(e -> {
            if (Agent.PROPERTY_ICE_PROCESSING_STATE.equals(e.getPropertyName())) {
                IceProcessingState s = (IceProcessingState) e.getNewValue();
                if (s == IceProcessingState.COMPLETED) {
                    update(IceState.CONNECTED, "selected pair");
                } else if (s == IceProcessingState.FAILED) {
                    update(IceState.FAILED, "no candidate pair succeeded");
                }
            }
        });
        this.stream = agent.createMediaStream("bundle");
        this.component = agent.createComponent(stream, KeepAliveStrategy.SELECTED_ONLY, true);
        addHostCandidate(bindAddress);
    }

    private void addHostCandidate(InetAddress bindAddress) throws SocketException {
        MultiplexingDatagramSocket socket = new MultiplexingDatagramSocket(0, bindAddress);
        IceUdpSocketWrapper wrapper = new IceUdpSocketWrapper(socket);
        HostCandidate candidate = new HostCandidate(wrapper, component, Transport.UDP);
        component.addLocalCandidate(candidate);
        candidate.getStunStack().addSocket(candidate.getStunSocket(null));
        component.getComponentSocket().add(wrapper);
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

    /** This side's only candidate, to send to the server. */
    public LocalCandidate localCandidate() {
        org.ice4j.ice.LocalCandidate c = component.getLocalCandidates().get(0);
        return new LocalCandidate(c.getFoundation(), component.getComponentID(), c.getPriority(),
                c.getTransportAddress().getAddress().getHostAddress(), c.getTransportAddress().getPort(), "host",
                null, 0);
    }

    /** Checks against the server's candidates with its credentials; the result arrives as a state. */
    public void connect(String remoteUfrag, String remotePassword, Iterable<LocalCandidate> serverCandidates) {
        stream.setRemoteUfrag(remoteUfrag);
        stream.setRemotePassword(remotePassword);
        for (LocalCandidate c : serverCandidates) {
            component.addRemoteCandidate(new RemoteCandidate(new TransportAddress(c.address(), c.port(), Transport.UDP),
                    component, CandidateType.parse(c.type()), c.foundation(), c.priority(), null, remoteUfrag));
        }
        agent.startConnectivityEstablishment();
        reader = new Thread(this::readLoop, "ice-client-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    public void send(byte[] buffer, int offset, int length) throws IOException {
        component.send(buffer, offset, length);
    }

    private void readLoop() {
        byte[] buffer = new byte[RECEIVE_BUFFER];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!closed.get()) {
            try {
                packet.setData(buffer, 0, buffer.length);
                component.getSocket().receive(packet);
                packetHandler.onPacket(packet.getData(), packet.getOffset(), packet.getLength(), System.nanoTime());
            } catch (IOException e) {
                if (!closed.get()) {
                    LOG.debug("{}: receive failed: {}", name, e.getMessage());
                }
                return;
            }
        }
    }

    private void update(IceState next, String detail) {
        if (state == next || state == IceState.CLOSED) {
            return;
        }
        state = next;
        stateListener.onIceState(next, detail);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            agent.free();
            update(IceState.CLOSED, "closed");
        }
    }
}
