package io.chorus.signalling.room;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import io.chorus.core.session.TransportContext;
import io.chorus.signalling.protocol.ServerMessages;
import io.chorus.signalling.protocol.ServerMessages.IceServerInfo;

/**
 * What every room shares: the UDP transport, the decode pool (all rooms' decoders), the sender
 * pool (packetizing and SRTP of mixed frames, off the tick threads), one timer thread for grace
 * periods, the STUN/TURN servers handed to clients, and the rooms' meters.
 */
record RoomServices(TransportContext transport, ServerMessages messages, Executor decodePool, Executor sendPool,
        ScheduledExecutorService timers, List<IceServerInfo> iceServers, RoomMetrics metrics) {
}
