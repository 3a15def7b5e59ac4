package io.chorus.signalling.protocol;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.chorus.core.session.SessionState;
import io.chorus.signalling.conference.ParticipantSignals;
import io.chorus.signalling.conference.RoomEvent;
import io.chorus.signalling.conference.Welcome;
import io.chorus.signalling.protocol.ServerMessages.IceServerInfo;

/**
 * One joined WebSocket client as its room reaches it: the room's events become protocol messages.
 * The server's candidates are held until the answer has gone out: the transport gathers while the
 * answer is still being prepared, and a browser rejects a candidate that arrives before the remote
 * description it belongs to. Never blocks: the channel queues.
 */
public final class ClientSignals implements ParticipantSignals {
    private final SignallingChannel channel;
    private final ServerMessages messages;
    private final JsonNode joinRequestId;
    private final List<IceServerInfo> iceServers;
    private List<String> heldCandidates = new ArrayList<>();

    /** @param joinRequestId the {@code id} of the {@code join} message, echoed by {@code joined} */
    public ClientSignals(SignallingChannel channel, ServerMessages messages, JsonNode joinRequestId,
            List<IceServerInfo> iceServers) {
        this.channel = channel;
        this.messages = messages;
        this.joinRequestId = joinRequestId;
        this.iceServers = List.copyOf(iceServers);
    }

    @Override
    public void onAdmitted(Welcome welcome) {
        channel.send(messages.joined(joinRequestId, welcome, iceServers));
    }

    /** Sends the answer to the {@code offer} of {@code requestId}; the held candidates follow it. */
    public synchronized void answer(JsonNode requestId, String sdp) {
        channel.send(messages.answer(requestId, sdp));
        heldCandidates.forEach(channel::send);
        heldCandidates = null;
    }

    @Override
    public synchronized void onLocalCandidate(String candidate, String mid, int mLineIndex) {
        String json = messages.candidate(candidate, mid, mLineIndex);
        if (heldCandidates != null) {
            heldCandidates.add(json);
        } else {
            channel.send(json);
        }
    }

    @Override
    public void onConnectionState(SessionState state, String detail) {
        channel.send(messages.connectionState(state.wireName(), detail));
    }

    @Override
    public void onRoomEvent(RoomEvent event) {
        String json = messages.event(event);
        if (json != null) {
            channel.send(json);
        }
        if (event instanceof RoomEvent.Closed || event instanceof RoomEvent.Kicked) {
            channel.close();
        }
    }
}
