package io.chorus.signalling.conference;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chorus.signalling.conference.ConferenceException.Refusal;

/**
 * The {@code echo} room: every participant gets its own media back through the server's full
 * transport path, like Janus's EchoTest. Participants do not see or hear each other.
 */
public final class EchoRoom {
    private static final Logger LOG = LoggerFactory.getLogger(EchoRoom.class);
    private final MediaSessions sessions;
    private final int maxSessions;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<String, EchoParticipant> participants = new ConcurrentHashMap<>();

    /** @param maxSessions echo sessions at once: each holds a transport and is open to anyone who can join */
    public EchoRoom(MediaSessions sessions, int maxSessions) {
        this.sessions = sessions;
        this.maxSessions = maxSessions;
    }

    Peer join(String name, ParticipantSignals signals) throws ConferenceException {
        // Checked before the transport exists; two joins racing past it exceed the cap by one at most.
        if (participants.size() >= maxSessions) {
            throw new ConferenceException(Refusal.ROOM_FULL, "the echo room is full (" + maxSessions
                    + " sessions at once)");
        }
        String id = "p" + nextId.getAndIncrement();
        EchoParticipant participant;
        try {
            participant = new EchoParticipant(id, name, sessions, signals, () -> participants.remove(id));
        } catch (IOException e) {
            LOG.error("{}: cannot create a media transport", id, e);
            throw new ConferenceException(Refusal.INTERNAL, "the server could not create a media transport");
        }
        participants.put(id, participant);
        signals.onAdmitted(new Welcome(RoomDirectory.ECHO_ROOM, id, List.of(new MemberInfo(id, name, false, false)),
                null, null, null, List.of(), List.of(), Role.PARTICIPANT, false, List.of()));
        return participant;
    }

    /** Participants whose media transport is still open. */
    public Map<String, EchoParticipant> participants() {
        return Map.copyOf(participants);
    }
}
