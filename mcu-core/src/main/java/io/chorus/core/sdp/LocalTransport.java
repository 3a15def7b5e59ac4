package io.chorus.core.sdp;

import io.chorus.core.dtls.CertificateFingerprint;

import java.util.List;
import java.util.Objects;

/**
 * The server's transport as the answer describes it.
 *
 * @param fingerprint the digest of the server's DTLS certificate
 * @param candidates candidates known when answering, the preferred default first; empty when all will
 *     trickle
 * @param gatheringComplete whether the answer may say {@code a=end-of-candidates}
 */
public record LocalTransport(IceCredentials ice, CertificateFingerprint fingerprint, List<IceCandidate> candidates,
        boolean gatheringComplete) {

    public LocalTransport {
        Objects.requireNonNull(ice, "ice");
        Objects.requireNonNull(fingerprint, "fingerprint");
        candidates = List.copyOf(candidates);
    }
}
