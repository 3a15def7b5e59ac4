package io.chorus.signalling.conference;

import java.util.concurrent.atomic.AtomicBoolean;

import io.chorus.core.sdp.SdpException;
import io.chorus.core.session.MediaSession;
import io.chorus.signalling.conference.ConferenceException.Refusal;

/** One offer per session (no renegotiation) and trickled candidates, with refusals a client can act on. */
final class Negotiation {
    private final MediaSession session;
    private final AtomicBoolean offerAccepted = new AtomicBoolean();

    Negotiation(MediaSession session) {
        this.session = session;
    }

    String answer(String offerSdp) throws ConferenceException {
        if (!offerAccepted.compareAndSet(false, true)) {
            throw new ConferenceException(Refusal.OFFER_ALREADY_ACCEPTED,
                    "this participant already has a negotiated session; renegotiation is not supported");
        }
        try {
            return session.acceptOffer(offerSdp);
        } catch (SdpException e) {
            offerAccepted.set(false);
            throw new ConferenceException(Refusal.INVALID_SDP, e.getMessage());
        }
    }

    void addRemoteCandidate(String candidate) throws ConferenceException {
        try {
            session.addRemoteCandidate(candidate);
        } catch (SdpException e) {
            throw new ConferenceException(Refusal.INVALID_CANDIDATE, e.getMessage());
        }
    }
}
