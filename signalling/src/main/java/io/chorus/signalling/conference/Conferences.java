package io.chorus.signalling.conference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chorus.signalling.conference.ConferenceException.Refusal;

/**
 * The server's conference rooms: created by the API or by a first join, closed by the API or when
 * left empty past the grace period, within the server's room limit. Owns the pools every room
 * shares, and passes every room's events to the server's {@link RoomListener}s.
 */
public final class Conferences implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Conferences.class);

    /** How long a shutdown waits for the files of members who left to be finished. */
    private static final long FILE_WORK_SHUTDOWN_SECONDS = 30;

    private final ConferenceSettings settings;
    private final RoomServices services;
    private final ExecutorService decodePool;
    private final ExecutorService sendPool;
    private final ScheduledExecutorService timers;
    private final ExecutorService fileWork;
    private final Map<String, Room> rooms = new LinkedHashMap<>();
    private final List<RoomListener> listeners = new CopyOnWriteArrayList<>();

    public Conferences(ConferenceSettings settings, MediaSessions sessions) {
        this(settings, sessions, Executors.newFixedThreadPool(2, daemonThreads("recording-files")));
    }

    /** @param fileWork finishes the files of members who leave; owned (and shut down) by this object */
    Conferences(ConferenceSettings settings, MediaSessions sessions, ExecutorService fileWork) {
        this.settings = settings;
        this.fileWork = fileWork;
        int cores = Runtime.getRuntime().availableProcessors();
        this.decodePool = Executors.newFixedThreadPool(cores, daemonThreads("decode"));
        this.sendPool = Executors.newFixedThreadPool(Math.max(2, cores / 2), daemonThreads("downstream"));
        this.timers = Executors.newSingleThreadScheduledExecutor(daemonThreads("room-timer"));
        this.services = new RoomServices(sessions, decodePool, sendPool, timers, fileWork);
    }

    public ConferenceSettings settings() {
        return settings;
    }

    /** From now on {@code listener} hears every event of every room; add listeners before the first room opens. */
    public void addListener(RoomListener listener) {
        listeners.add(listener);
    }

    /** Creates a room that stays until deleted; refuses an id in use or one room too many. */
    public Room create(RoomSpec spec) throws ConferenceException {
        synchronized (rooms) {
            if (rooms.containsKey(spec.id())) {
                throw new ConferenceException(Refusal.ROOM_EXISTS, "room '" + spec.id() + "' already exists");
            }
            return open(spec, true);
        }
    }

    /**
     * Joins the room, creating it with the server's defaults when allowed.
     *
     * @param maxBitrate the cap on what the participant receives; null for none
     */
    public Participant join(String roomId, String name, Role role, Integer maxBitrate, ParticipantSignals signals)
            throws ConferenceException {
        // A room closing at this very moment refuses the join; the second attempt opens a fresh one.
        for (int attempt = 0; ; attempt++) {
            Room room = roomForJoin(roomId);
            try {
                return room.join(name, role, maxBitrate, signals);
            } catch (ConferenceException e) {
                if (e.refusal() != Refusal.ROOM_CLOSED || attempt > 0) {
                    throw e;
                }
            }
        }
    }

    private Room roomForJoin(String roomId) throws ConferenceException {
        synchronized (rooms) {
            Room room = rooms.get(roomId);
            if (room != null && !room.closed()) {
                return room;
            }
            if (!settings.limits().createOnJoin()) {
                throw new ConferenceException(Refusal.ROOM_NOT_FOUND, "room '" + roomId
                        + "' does not exist and this server creates rooms only through its API");
            }
            return open(RoomSpec.of(roomId, settings), false);
        }
    }

    private Room open(RoomSpec spec, boolean byApi) throws ConferenceException {
        long open = rooms.values().stream().filter(r -> !r.closed()).count();
        if (open >= settings.limits().maxRooms()) {
            throw new ConferenceException(Refusal.TOO_MANY_ROOMS, "the server already runs its maximum of "
                    + settings.limits().maxRooms() + " rooms");
        }
        Room room = new Room(spec, byApi, settings, services, this::notifyListeners, this::forget);
        rooms.put(spec.id(), room);
        notifyListeners(room, new RoomEvent.Opened());
        return room;
    }

    private void notifyListeners(Room room, RoomEvent event) {
        for (RoomListener listener : listeners) {
            try {
                listener.onEvent(room, event);
            } catch (RuntimeException e) {
                // One broken listener must not cost the room its other listeners or its caller's work.
                LOG.error("room {}: a room listener failed on {}", room.id(), event, e);
            }
        }
    }

    private void forget(Room room) {
        synchronized (rooms) {
            rooms.remove(room.id(), room);
        }
    }

    public Optional<Room> room(String id) {
        synchronized (rooms) {
            return Optional.ofNullable(rooms.get(id)).filter(r -> !r.closed());
        }
    }

    public List<Room> rooms() {
        synchronized (rooms) {
            return rooms.values().stream().filter(r -> !r.closed()).toList();
        }
    }

    /** Ends a room: members are told and disconnected. False if there is no such room. */
    public boolean delete(String id, String reason) {
        Optional<Room> room = room(id);
        room.ifPresent(r -> r.close(reason));
        return room.isPresent();
    }

    /** Members of every room. */
    public int participants() {
        return rooms().stream().mapToInt(Room::size).sum();
    }

    @Override
    public void close() {
        List<Room> open;
        synchronized (rooms) {
            open = new ArrayList<>(rooms.values());
        }
        open.forEach(r -> r.close("server shutting down"));
        fileWork.shutdown();
        try {
            if (!fileWork.awaitTermination(FILE_WORK_SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
                LOG.error("files of members who left were still being finished after {} s; they may lack their"
                        + " index", FILE_WORK_SHUTDOWN_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
