package io.chorus.signalling.room;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;

import io.chorus.core.sdp.SdpException;
import io.chorus.core.session.PeerSession;
import io.chorus.core.session.SessionState;
import io.chorus.signalling.protocol.ErrorCode;
import io.chorus.signalling.protocol.ProtocolException;
import io.chorus.signalling.protocol.ServerMessages;

/**
 * The protocol side of one participant's WebRTC session: one offer (no renegotiation), trickled
 * candidates both ways, connection states. The server's candidates are held until the answer has
 * gone out: the transport gathers while the answer is still being prepared, and a browser rejects a
 * candidate that arrives before the remote description it belongs to.
 */
final class SessionSignalling {
    private final PeerSession session;
    private final SignallingChannel channel;
    private final ServerMessages messages;
    private final AtomicBoolean offerAccepted = new AtomicBoolean();
    private List<String> heldCandidates = new ArrayList<>();

    SessionSignalling(PeerSession session, SignallingChannel channel, ServerMessages messages) {
        this.session = session;
        this.channel = channel;
        this.messages = messages;
    }

    /** Answers the offer (echoing {@code requestId}); the held candidates follow the answer. */
    void acceptOffer(JsonNode requestId, String sdp) throws ProtocolException {
        if (!offerAccepted.compareAndSet(false, true)) {
            throw new ProtocolException(ErrorCode.OFFER_ALREADY_ACCEPTED,
                    "this participant already has a negotiated session; renegotiation is not supported");
        }
        String answer;
        try {
            answer = session.acceptOffer(sdp);
        } catch (SdpException e) {
            offerAccepted.set(false);
            throw new ProtocolException(ErrorCode.INVALID_SDP, e.getMessage());
        }
        synchronized (this) {
            channel.send(messages.answer(requestId, answer));
            heldCandidates.forEach(channel::send);
            heldCandidates = null;
        }
    }

    void addRemoteCandidate(String candidate) throws ProtocolException {
        try {
            session.addRemoteCandidate(candidate);
        } catch (SdpException e) {
            throw new ProtocolException(ErrorCode.INVALID_CANDIDATE, e.getMessage());
        }
    }

    /** A server candidate from the transport ({@code candidate} null: no more). */
    synchronized void localCandidate(String candidate, String mid, int mLineIndex) {
        String json = messages.candidate(candidate, mid, mLineIndex);
        if (heldCandidates != null) {
            heldCandidates.add(json);
        } else {
            channel.send(json);
        }
    }

    void connectionState(SessionState state, String detail) {
        channel.send(messages.connectionState(state.wireName(), detail));
    }
}
