package io.chorus.core.sdp;

import io.chorus.core.dtls.CertificateFingerprint;
import io.chorus.core.dtls.DtlsRole;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.chorus.core.rtp.MediaKind;

/**
 * What an offer/answer exchange settled for the one transport the server runs per browser.
 *
 * @param remoteIce the browser's ICE credentials, to start connectivity checks with
 * @param remoteFingerprint what the browser's DTLS certificate must hash to
 * @param dtlsRole the server's side of the DTLS handshake
 * @param media the accepted m-lines in m-line order; never empty
 * @param bundleMids the answer's BUNDLE group, its first mid tagging the transport; empty when the offer
 *     did not bundle (then exactly one m-line is accepted)
 * @param remoteCandidates candidates the offer already carried (others trickle in later)
 */
public record NegotiatedSession(IceCredentials remoteIce, CertificateFingerprint remoteFingerprint, DtlsRole dtlsRole,
        List<NegotiatedMedia> media, List<String> bundleMids, List<IceCandidate> remoteCandidates) {

    public NegotiatedSession {
        Objects.requireNonNull(remoteIce, "remoteIce");
        Objects.requireNonNull(remoteFingerprint, "remoteFingerprint");
        Objects.requireNonNull(dtlsRole, "dtlsRole");
        media = List.copyOf(media);
        bundleMids = List.copyOf(bundleMids);
        remoteCandidates = List.copyOf(remoteCandidates);
        if (media.isEmpty()) {
            throw new IllegalArgumentException("a negotiated session has at least one m-line");
        }
    }

    public Optional<NegotiatedMedia> media(MediaKind kind) {
        return media.stream().filter(m -> m.kind() == kind).findFirst();
    }

    /**
     * The m-line that carries the transport: trickled server candidates name its mid and m-line index.
     */
    public NegotiatedMedia transportMedia() {
        if (bundleMids.isEmpty()) {
            return media.get(0);
        }
        String tag = bundleMids.get(0);
        return media.stream().filter(m -> tag.equals(m.mid())).findFirst().orElse(media.get(0));
    }
}
