package io.chorus.signalling.room;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.chorus.core.session.TransportContext;
import io.chorus.signalling.protocol.ErrorCode;
import io.chorus.signalling.protocol.ProtocolException;
import io.chorus.signalling.protocol.ServerMessages;
import io.chorus.signalling.protocol.ServerMessages.IceServerInfo;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The server's conference rooms: created by the API or by a first join, closed by the API or when
 * left empty past the grace period, within the server's room limit. Owns the pools every room
 * shares.
 */
public final class RoomRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RoomRegistry.class);

    private final RoomSettings settings;
    private final RoomServices services;
    private final ExecutorService decodePool;
    private final ExecutorService sendPool;
    private final ScheduledExecutorService timers;
    private final Map<String, ConferenceRoom> rooms = new LinkedHashMap<>();
    private final RoomMetrics metrics;

    public RoomRegistry(RoomSettings settings, TransportContext transport, ServerMessages messages,
            List<IceServerInfo> iceServers, MeterRegistry meters) {
        this.settings = settings;
        this.metrics = new RoomMetrics(meters, this);
        int cores = Runtime.getRuntime().availableProcessors();
        this.decodePool = Executors.newFixedThreadPool(cores, daemonThreads("decode"));
        this.sendPool = Executors.newFixedThreadPool(Math.max(2, cores / 2), daemonThreads("downstream"));
        this.timers = Executors.newSingleThreadScheduledExecutor(daemonThreads("room-timer"));
        this.services = new RoomServices(transport, messages, decodePool, sendPool, timers, List.copyOf(iceServers),
                metrics);
    }

    public RoomSettings settings() {
        return settings;
    }

    /** Creates a room that stays until deleted; refuses an id in use or one room too many. */
    public ConferenceRoom create(RoomSpec spec) throws ProtocolException {
        synchronized (rooms) {
            if (rooms.containsKey(spec.id())) {
                throw new ProtocolException(ErrorCode.ROOM_EXISTS, "room '" + spec.id() + "' already exists");
            }
            return open(spec, true);
        }
    }

    /** Joins the room, creating it with the server's defaults when allowed. */
    public Participant join(String roomId, JsonNode requestId, String name, Integer maxBitrate,
            SignallingChannel channel) throws ProtocolException {
        // A room closing at this very moment refuses the join; the second attempt opens a fresh one.
        for (int attempt = 0; ; attempt++) {
            ConferenceRoom room = roomForJoin(roomId);
            try {
                return room.join(requestId, name, maxBitrate, channel);
            } catch (ProtocolException e) {
                if (e.code() != ErrorCode.ROOM_CLOSED || attempt > 0) {
                    throw e;
                }
            }
        }
    }

    private ConferenceRoom roomForJoin(String roomId) throws ProtocolException {
        synchronized (rooms) {
            ConferenceRoom room = rooms.get(roomId);
            if (room != null && !room.closed()) {
                return room;
            }
            if (!settings.createOnJoin()) {
                throw new ProtocolException(ErrorCode.ROOM_NOT_FOUND, "room '" + roomId
                        + "' does not exist and this server creates rooms only through its API");
            }
            return open(RoomSpec.of(roomId, settings), false);
        }
    }

    private ConferenceRoom open(RoomSpec spec, boolean byApi) throws ProtocolException {
        long open = rooms.values().stream().filter(r -> !r.closed()).count();
        if (open >= settings.maxRooms()) {
            throw new ProtocolException(ErrorCode.TOO_MANY_ROOMS, "the server already runs its maximum of "
                    + settings.maxRooms() + " rooms");
        }
        ConferenceRoom room = new ConferenceRoom(spec, byApi, settings, services, this::forget);
        rooms.put(spec.id(), room);
        metrics.opened(room);
        return room;
    }

    private void forget(ConferenceRoom room) {
        synchronized (rooms) {
            rooms.remove(room.id(), room);
        }
        metrics.closed(room);
    }

    public Optional<ConferenceRoom> room(String id) {
        synchronized (rooms) {
            return Optional.ofNullable(rooms.get(id)).filter(r -> !r.closed());
        }
    }

    public List<ConferenceRoom> rooms() {
        synchronized (rooms) {
            return rooms.values().stream().filter(r -> !r.closed()).toList();
        }
    }

    /** Ends a room: members are told and disconnected. False if there is no such room. */
    public boolean delete(String id, String reason) {
        Optional<ConferenceRoom> room = room(id);
        room.ifPresent(r -> r.close(reason));
        return room.isPresent();
    }

    /** Members of every room. */
    public int participants() {
        return rooms().stream().mapToInt(ConferenceRoom::size).sum();
    }

    @Override
    public void close() {
        List<ConferenceRoom> open;
        synchronized (rooms) {
            open = new ArrayList<>(rooms.values());
        }
        open.forEach(r -> r.close("server shutting down"));
        timers.shutdownNow();
        sendPool.shutdown();
        decodePool.shutdown();
        try {
            sendPool.awaitTermination(2, TimeUnit.SECONDS);
            decodePool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("all rooms closed");
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
