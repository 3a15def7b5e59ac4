package io.chorus.core.session;

import java.util.Map;

import io.chorus.core.ice.LocalCandidate;
import io.chorus.core.ice.RemoteCandidateInfo;
import io.chorus.core.sdp.IceCandidate;

/**
 * Between the candidate lines of SDP and trickle ICE and the ICE layer's own values, so that
 * neither the sdp nor the ice package needs the other.
 */
final class CandidateMapping {
    private CandidateMapping() {
    }

    static RemoteCandidateInfo toRemote(IceCandidate candidate) {
        return new RemoteCandidateInfo(candidate.foundation(), candidate.component(), candidate.transport(),
                candidate.priority(), candidate.address(), candidate.port(), candidate.type(),
                candidate.relatedAddress(), candidate.relatedPort());
    }

    /** A server candidate as the answer and trickle messages announce it; the server's transport is UDP. */
    static IceCandidate toSdp(LocalCandidate local) {
        return new IceCandidate(local.foundation(), local.component(), "udp", local.priority(), local.address(),
                local.port(), local.type(), local.relatedAddress(), local.relatedPort(), Map.of());
    }
}
