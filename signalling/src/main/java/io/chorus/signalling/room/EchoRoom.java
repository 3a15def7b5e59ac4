package io.chorus.signalling.room;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.core.session.TransportContext;
import io.chorus.signalling.protocol.ErrorCode;
import io.chorus.signalling.protocol.ProtocolException;
import io.chorus.signalling.protocol.ServerMessages;

/**
 * The {@code echo} room: every participant gets its own media back through the server's full
 * transport path, like Janus's EchoTest. Participants do not see or hear each other.
 */
public final class EchoRoom {
    private static final Logger LOG = LoggerFactory.getLogger(EchoRoom.class);
    private final TransportContext transport;
    private final ServerMessages messages;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<String, EchoParticipant> participants = new ConcurrentHashMap<>();

    public EchoRoom(TransportContext transport, ObjectMapper mapper) {
        this.transport = transport;
        this.messages = new ServerMessages(mapper);
    }

    Participant join(String name, SignallingChannel channel) throws ProtocolException {
        String id = "p" + nextId.getAndIncrement();
        EchoParticipant participant;
        try {
            participant = new EchoParticipant(id, name, transport, channel, messages, () -> participants.remove(id));
        } catch (IOException e) {
            LOG.error("{}: cannot create a media transport", id, e);
            throw new ProtocolException(ErrorCode.INTERNAL_ERROR, "the server could not create a media transport");
        }
        participants.put(id, participant);
        return participant;
    }

    /** Participants whose media transport is still open (for tests and, later, the REST API). */
    public Map<String, EchoParticipant> participants() {
        return Map.copyOf(participants);
    }
}
