package io.chorus.signalling.room;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.core.session.TransportContext;
import io.chorus.signalling.protocol.ErrorCode;
import io.chorus.signalling.protocol.ProtocolException;
import io.chorus.signalling.protocol.ServerMessages;
import io.chorus.signalling.protocol.ServerMessages.ParticipantInfo;
import io.chorus.signalling.protocol.ServerMessages.RoomWelcome;

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

    Participant join(JsonNode requestId, String name, SignallingChannel channel) throws ProtocolException {
        String id = "p" + nextId.getAndIncrement();
        EchoParticipant participant;
        try {
            participant = new EchoParticipant(id, name, transport, channel, messages, () -> participants.remove(id));
        } catch (IOException e) {
            LOG.error("{}: cannot create a media transport", id, e);
            throw new ProtocolException(ErrorCode.INTERNAL_ERROR, "the server could not create a media transport");
        }
        participants.put(id, participant);
        channel.send(messages.joined(requestId, new RoomWelcome(RoomDirectory.ECHO_ROOM, id,
                List.of(new ParticipantInfo(id, name, false, false)), null, null, List.of(), null, List.of(), List.of())));
        return participant;
    }

    /** Participants whose media transport is still open. */
    public Map<String, EchoParticipant> participants() {
        return Map.copyOf(participants);
    }
}
