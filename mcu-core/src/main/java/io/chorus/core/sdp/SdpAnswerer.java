package io.chorus.core.sdp;

import io.chorus.core.dtls.CertificateFingerprint;
import io.chorus.core.dtls.DtlsRole;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import io.chorus.core.rtp.MediaKind;

/**
 * Answers a browser's offer as JSEP (RFC 8829 section 5.3) describes, for a server that runs one ICE and
 * DTLS transport per browser and sends one audio and one video track:
 * <ul>
 * <li>every offered m-line gets an answer m-line in the same place; the ones the server cannot take are
 * rejected with port 0;</li>
 * <li>all accepted m-lines share the transport, so they must be in the offer's BUNDLE group (RFC 9143); an
 * offer without one gets only its first acceptable m-line;</li>
 * <li>at most one m-line per kind is accepted, as the server has one outgoing track of each;</li>
 * <li>the server never takes the DTLS client role unless the offer insists on being the server
 * ({@code setup:passive}); RFC 5763 section 5 lets the answerer choose for {@code actpass}.</li>
 * </ul>
 */
public final class SdpAnswerer {

    private SdpAnswerer() {
    }

    public static SdpAnswer answer(String offer, LocalTransport transport, LocalMedia media) throws SdpException {
        return answer(SdpParser.parse(offer), transport, media);
    }

    public static SdpAnswer answer(SessionDescription offer, LocalTransport transport, LocalMedia media)
            throws SdpException {
        Direction sessionDirection = offer.attributes().direction().orElse(Direction.SENDRECV);
        List<MediaDecision> decisions = new ArrayList<>();
        for (MediaSection section : offer.media()) {
            decisions.add(MediaNegotiator.decide(section, sessionDirection));
        }
        decisions = applyTransportLimits(decisions, offer.bundleGroup());
        List<NegotiatedMedia> accepted = decisions.stream().filter(MediaDecision::isAccepted)
                .map(MediaDecision::accepted).toList();
        if (accepted.isEmpty()) {
            throw new SdpException("the offer has no m-line the server can accept"
                    + (decisions.isEmpty() ? "" : ": " + decisions.stream().map(MediaDecision::describe)
                            .collect(Collectors.joining("; "))));
        }
        List<String> bundleMids = offer.bundleGroup()
                .map(group -> group.mids().stream()
                        .filter(mid -> accepted.stream().anyMatch(m -> mid.equals(m.mid()))).toList())
                .orElse(List.of());
        NegotiatedMedia transportMedia = bundleMids.isEmpty() ? accepted.get(0)
                : accepted.stream().filter(m -> bundleMids.get(0).equals(m.mid())).findFirst().orElseThrow();
        NegotiatedSession session = remoteTransport(offer, offer.media().get(transportMedia.mLineIndex()), accepted,
                bundleMids);
        long sessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        return new SdpAnswer(AnswerWriter.write(sessionId, decisions, session, transport, media), session);
    }

    /** Rejects acceptable m-lines the single transport and single track per kind cannot carry. */
    private static List<MediaDecision> applyTransportLimits(List<MediaDecision> decisions,
            Optional<SdpGroup> bundle) {
        List<MediaDecision> limited = new ArrayList<>();
        Set<MediaKind> kindsTaken = EnumSet.noneOf(MediaKind.class);
        for (MediaDecision decision : decisions) {
            if (!decision.isAccepted()) {
                limited.add(decision);
                continue;
            }
            NegotiatedMedia media = decision.accepted();
            if (bundle.isPresent() && (media.mid() == null || !bundle.get().mids().contains(media.mid()))) {
                limited.add(MediaDecision.reject(decision.offered(), "not in the offer's BUNDLE group"));
            } else if (bundle.isEmpty() && !kindsTaken.isEmpty()) {
                limited.add(MediaDecision.reject(decision.offered(),
                        "the offer does not bundle and the server runs one transport"));
            } else if (!kindsTaken.add(media.kind())) {
                limited.add(MediaDecision.reject(decision.offered(),
                        "the server sends one " + media.kind().name().toLowerCase(Locale.ROOT) + " track"));
            } else {
                limited.add(decision);
            }
        }
        return limited;
    }

    /**
     * The browser's transport parameters, from the m-line that carries the transport, falling back to the
     * session level (RFC 8839 section 5.4 and RFC 8122 section 5 allow both places).
     */
    private static NegotiatedSession remoteTransport(SessionDescription offer, MediaSection transportSection,
            List<NegotiatedMedia> accepted, List<String> bundleMids) throws SdpException {
        SdpAttributes media = transportSection.attributes();
        SdpAttributes session = offer.attributes();
        String where = "m-line " + transportSection.index();
        String ufrag = media.iceUfrag().or(session::iceUfrag)
                .orElseThrow(() -> new SdpException("the offer has no a=ice-ufrag for " + where));
        String pwd = media.icePwd().or(session::icePwd)
                .orElseThrow(() -> new SdpException("the offer has no a=ice-pwd for " + where));
        List<CertificateFingerprint> fingerprints = media.fingerprints().isEmpty() ? session.fingerprints() : media.fingerprints();
        CertificateFingerprint fingerprint = fingerprints.stream().filter(f -> f.hashFunction().equals("sha-256")).findFirst()
                .or(() -> fingerprints.stream().findFirst())
                .orElseThrow(() -> new SdpException("the offer has no a=fingerprint for " + where));
        // RFC 4145 section 4: an absent a=setup means active.
        SetupRole setup = media.setup().or(session::setup).orElse(SetupRole.ACTIVE);
        DtlsRole role = switch (setup) {
            case ACTPASS, ACTIVE -> DtlsRole.SERVER;
            case PASSIVE -> DtlsRole.CLIENT;
            case HOLDCONN -> throw new SdpException("the offer puts the DTLS connection on hold (setup:holdconn)");
        };
        List<IceCandidate> candidates = new ArrayList<>(session.candidates());
        candidates.addAll(media.candidates());
        return new NegotiatedSession(new IceCredentials(ufrag, pwd), fingerprint, role, accepted, bundleMids,
                candidates);
    }
}
