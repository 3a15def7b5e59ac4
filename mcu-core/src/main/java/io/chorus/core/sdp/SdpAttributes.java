package io.chorus.core.sdp;

import io.chorus.core.dtls.CertificateFingerprint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The a= lines of one level of a description (the session, or one m-line) in their original order,
 * together with typed views of the attributes WebRTC negotiation needs. Every typed value was checked
 * while parsing, so the views never fail; attributes this class does not know stay available as written.
 */
public final class SdpAttributes {
    private final List<SdpAttribute> all;
    private final String mid;
    private final Direction direction;
    private final String iceUfrag;
    private final String icePwd;
    private final SetupRole setup;
    private final List<CertificateFingerprint> fingerprints;
    private final Map<Integer, RtpMap> rtpMaps;
    private final Map<Integer, String> fmtps;
    private final Map<Integer, List<RtcpFeedback>> feedback;
    private final List<RtcpFeedback> feedbackForAll;
    private final List<HeaderExtension> extensions;
    private final List<Msid> msids;
    private final List<SsrcAttribute> ssrcs;
    private final List<SsrcGroup> ssrcGroups;
    private final List<SdpGroup> groups;
    private final List<IceCandidate> candidates;

    private SdpAttributes(Builder b) {
        all = List.copyOf(b.all);
        mid = b.mid;
        direction = b.direction;
        iceUfrag = b.iceUfrag;
        icePwd = b.icePwd;
        setup = b.setup;
        fingerprints = List.copyOf(b.fingerprints);
        rtpMaps = Map.copyOf(b.rtpMaps);
        fmtps = Map.copyOf(b.fmtps);
        feedback = Map.copyOf(b.feedback);
        feedbackForAll = List.copyOf(b.feedbackForAll);
        extensions = List.copyOf(b.extensions);
        msids = List.copyOf(b.msids);
        ssrcs = List.copyOf(b.ssrcs);
        ssrcGroups = List.copyOf(b.ssrcGroups);
        groups = List.copyOf(b.groups);
        candidates = List.copyOf(b.candidates);
    }

    /** Every attribute in line order, known or not. */
    public List<SdpAttribute> all() {
        return all;
    }

    public boolean has(String name) {
        return all.stream().anyMatch(a -> a.name().equals(name));
    }

    /** The value of the first attribute with this name, if it has one. */
    public Optional<String> value(String name) {
        return all.stream().filter(a -> a.name().equals(name) && a.value() != null).map(SdpAttribute::value)
                .findFirst();
    }

    public Optional<String> mid() {
        return Optional.ofNullable(mid);
    }

    public Optional<Direction> direction() {
        return Optional.ofNullable(direction);
    }

    public Optional<String> iceUfrag() {
        return Optional.ofNullable(iceUfrag);
    }

    public Optional<String> icePwd() {
        return Optional.ofNullable(icePwd);
    }

    public Optional<SetupRole> setup() {
        return Optional.ofNullable(setup);
    }

    public List<CertificateFingerprint> fingerprints() {
        return fingerprints;
    }

    public boolean rtcpMux() {
        return has("rtcp-mux");
    }

    public boolean rtcpRsize() {
        return has("rtcp-rsize");
    }

    public boolean endOfCandidates() {
        return has("end-of-candidates");
    }

    public List<HeaderExtension> extensions() {
        return extensions;
    }

    public List<Msid> msids() {
        return msids;
    }

    public List<SsrcAttribute> ssrcs() {
        return ssrcs;
    }

    public List<SsrcGroup> ssrcGroups() {
        return ssrcGroups;
    }

    public List<SdpGroup> groups() {
        return groups;
    }

    public List<IceCandidate> candidates() {
        return candidates;
    }

    /** The payload type as rtpmap, fmtp and rtcp-fb (including {@code rtcp-fb:*}) describe it; empty without rtpmap. */
    public Optional<RtpCodec> codec(int payloadType) {
        RtpMap map = rtpMaps.get(payloadType);
        if (map == null) {
            return Optional.empty();
        }
        List<RtcpFeedback> codecFeedback = new ArrayList<>(feedbackForAll);
        codecFeedback.addAll(feedback.getOrDefault(payloadType, List.of()));
        return Optional.of(new RtpCodec(payloadType, map.encoding(), map.clockRate(), map.channels(),
                fmtps.get(payloadType), codecFeedback));
    }

    /** Equal when the same attributes appear in the same order; the typed views follow from them. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SdpAttributes that && all.equals(that.all);
    }

    @Override
    public int hashCode() {
        return all.hashCode();
    }

    @Override
    public String toString() {
        return all.toString();
    }

    /** Collects attributes line by line, checking the ones with a meaning for negotiation. */
    static final class Builder {
        private final List<SdpAttribute> all = new ArrayList<>();
        private String mid;
        private Direction direction;
        private String iceUfrag;
        private String icePwd;
        private SetupRole setup;
        private final List<CertificateFingerprint> fingerprints = new ArrayList<>();
        private final Map<Integer, RtpMap> rtpMaps = new HashMap<>();
        private final Map<Integer, String> fmtps = new HashMap<>();
        private final Map<Integer, List<RtcpFeedback>> feedback = new HashMap<>();
        private final List<RtcpFeedback> feedbackForAll = new ArrayList<>();
        private final List<HeaderExtension> extensions = new ArrayList<>();
        private final List<Msid> msids = new ArrayList<>();
        private final List<SsrcAttribute> ssrcs = new ArrayList<>();
        private final List<SsrcGroup> ssrcGroups = new ArrayList<>();
        private final List<SdpGroup> groups = new ArrayList<>();
        private final List<IceCandidate> candidates = new ArrayList<>();

        void add(SdpAttribute attribute, int lineNumber) throws SdpException {
            try {
                interpret(attribute.name(), attribute.value());
            } catch (SdpException e) {
                throw new SdpException("line " + lineNumber + ": a=" + attribute.name() + ": " + e.getMessage());
            }
            all.add(attribute);
        }

        SdpAttributes build() {
            return new SdpAttributes(this);
        }

        private void interpret(String name, String value) throws SdpException {
            switch (name) {
                case "rtpmap" -> {
                    RtpMap map = RtpMap.parse(required(value));
                    if (rtpMaps.putIfAbsent(map.payloadType(), map) != null) {
                        throw new SdpException("payload type " + map.payloadType() + " mapped twice");
                    }
                }
                case "fmtp" -> {
                    String[] parts = splitPayloadType(required(value));
                    if (fmtps.putIfAbsent(SdpTokens.payloadType(parts[0]), parts[1]) != null) {
                        throw new SdpException("payload type " + parts[0] + " has two fmtp lines");
                    }
                }
                case "rtcp-fb" -> addFeedback(required(value));
                case "extmap" -> addExtension(HeaderExtension.parse(required(value)));
                case "mid" -> mid = once(mid, token(value));
                case "ice-ufrag" -> iceUfrag = once(iceUfrag, token(value));
                case "ice-pwd" -> icePwd = once(icePwd, token(value));
                case "setup" -> setup = once(setup, SetupRole.parse(token(value)));
                case "fingerprint" -> fingerprints.add(fingerprint(required(value)));
                case "sendrecv", "sendonly", "recvonly", "inactive" -> setDirection(name);
                case "msid" -> msids.add(Msid.parse(required(value)));
                case "ssrc" -> ssrcs.add(SsrcAttribute.parse(required(value)));
                case "ssrc-group" -> ssrcGroups.add(SsrcGroup.parse(required(value)));
                case "group" -> groups.add(SdpGroup.parse(required(value)));
                case "candidate" -> candidates.add(IceCandidate.parseAttributeValue(required(value)));
                default -> {
                    // Unknown attributes are legal (RFC 8866 section 5.13) and kept as written.
                }
            }
        }

        private void addFeedback(String value) throws SdpException {
            String[] parts = splitPayloadType(value);
            String[] tokens = SdpTokens.split(parts[1]);
            if (tokens.length == 0) {
                throw new SdpException("missing feedback type");
            }
            String parameter = tokens.length == 1 ? null : parts[1].strip().substring(tokens[0].length()).strip();
            RtcpFeedback entry = new RtcpFeedback(tokens[0], parameter);
            if ("*".equals(parts[0])) {
                feedbackForAll.add(entry);
            } else {
                feedback.computeIfAbsent(SdpTokens.payloadType(parts[0]), pt -> new ArrayList<>()).add(entry);
            }
        }

        private void addExtension(HeaderExtension extension) throws SdpException {
            for (HeaderExtension existing : extensions) {
                if (existing.id() == extension.id()) {
                    throw new SdpException("extension id " + extension.id() + " used twice");
                }
            }
            extensions.add(extension);
        }

        private void setDirection(String name) throws SdpException {
            Direction stated = Direction.fromAttributeName(name).orElseThrow();
            if (direction != null && direction != stated) {
                throw new SdpException("contradicts the earlier a=" + direction.attributeName());
            }
            direction = stated;
        }

        /** Splits {@code <pt> <rest>}; the rest may be empty. */
        private static String[] splitPayloadType(String value) throws SdpException {
            String trimmed = value.strip();
            int space = trimmed.indexOf(' ');
            String first = space < 0 ? trimmed : trimmed.substring(0, space);
            if (first.isEmpty()) {
                throw new SdpException("missing payload type");
            }
            return new String[] {first, space < 0 ? "" : trimmed.substring(space + 1).strip()};
        }

        /** Parses an {@code a=fingerprint} value, e.g. "sha-256 AB:CD:..." (RFC 8122). */
    private static CertificateFingerprint fingerprint(String value) throws SdpException {
        String[] parts = value.strip().split(" +");
        if (parts.length != 2) {
            throw new SdpException("expected '<hash-function> <hex>' but got '" + value + "'");
        }
        try {
            return CertificateFingerprint.parse(parts[0], parts[1]);
        } catch (IllegalArgumentException e) {
            throw new SdpException(e.getMessage());
        }
    }

    private static String required(String value) throws SdpException {
            if (value == null || value.isBlank()) {
                throw new SdpException("needs a value");
            }
            return value;
        }

        private static String token(String value) throws SdpException {
            String token = required(value).strip();
            if (token.indexOf(' ') >= 0) {
                throw new SdpException("expected a single token, got '" + token + "'");
            }
            return token;
        }

        private static <T> T once(T previous, T next) throws SdpException {
            if (previous != null) {
                throw new SdpException("given twice");
            }
            return next;
        }
    }
}
