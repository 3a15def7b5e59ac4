package io.chorus.core.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An ICE candidate line, RFC 8839 section 5.1:
 *
 * <pre>
 * candidate:&lt;foundation&gt; &lt;component&gt; &lt;transport&gt; &lt;priority&gt;
 *           &lt;address&gt; &lt;port&gt; typ &lt;type&gt;
 *           [raddr &lt;related address&gt; rport &lt;related port&gt;]
 *           *(&lt;extension name&gt; &lt;extension value&gt;)
 * </pre>
 *
 * The same text travels inside an SDP ({@code a=candidate:...}) and alone in trickle ICE messages
 * ({@code candidate:...}). Browsers append extensions such as {@code generation 0 ufrag X network-id 1
 * network-cost 10} or {@code tcptype active}; they are kept in order so a candidate writes back as it came.
 *
 * @param relatedAddress null when the candidate has no raddr/rport (host candidates)
 * @param extensions extension names to values, in line order
 */
public record IceCandidate(String foundation, int component, String transport, long priority, String address,
        int port, String type, String relatedAddress, int relatedPort, Map<String, String> extensions) {
    private static final String PREFIX = "candidate:";
    private static final Set<String> TYPES = Set.of("host", "srflx", "prflx", "relay");
    private static final int MANDATORY_FIELDS = 8;

    public IceCandidate {
        Objects.requireNonNull(foundation, "foundation");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** Parses a trickle ICE string: {@code candidate:...}, also accepted with an {@code a=} in front. */
    public static IceCandidate parse(String text) throws SdpException {
        if (text == null) {
            throw new SdpException("no candidate");
        }
        String line = text.strip();
        if (line.startsWith("a=")) {
            line = line.substring(2);
        }
        if (!line.startsWith(PREFIX)) {
            throw new SdpException("a candidate must start with '" + PREFIX + "': '" + SdpTokens.abbreviate(text)
                    + "'");
        }
        return parseAttributeValue(line.substring(PREFIX.length()));
    }

    /** Parses what follows {@code a=candidate:} in an SDP. */
    static IceCandidate parseAttributeValue(String value) throws SdpException {
        String[] t = SdpTokens.split(value);
        if (t.length < MANDATORY_FIELDS) {
            throw new SdpException("candidate has " + t.length + " of the " + MANDATORY_FIELDS
                    + " mandatory fields: '" + SdpTokens.abbreviate(value) + "'");
        }
        String foundation = t[0];
        if (foundation.length() > 32 || !foundation.chars().allMatch(IceCandidate::isIceChar)) {
            throw new SdpException("bad candidate foundation '" + SdpTokens.abbreviate(foundation) + "'");
        }
        int component = SdpTokens.integer(t[1], 1, 256, "candidate component");
        String transport = t[2];
        long priority = SdpTokens.uint32(t[3], "candidate priority");
        String address = t[4];
        int port = SdpTokens.integer(t[5], 0, 65535, "candidate port");
        if (!"typ".equals(t[6])) {
            throw new SdpException("expected 'typ' after the port, found '" + SdpTokens.abbreviate(t[6]) + "'");
        }
        String type = t[7];
        if (!TYPES.contains(type)) {
            throw new SdpException("unknown candidate type '" + SdpTokens.abbreviate(type) + "'");
        }
        if ((t.length - MANDATORY_FIELDS) % 2 != 0) {
            throw new SdpException("candidate extension '" + SdpTokens.abbreviate(t[t.length - 1]) + "' has no value");
        }
        String relatedAddress = null;
        String relatedPort = null;
        Map<String, String> extensions = new LinkedHashMap<>();
        for (int i = MANDATORY_FIELDS; i < t.length; i += 2) {
            switch (t[i]) {
                case "raddr" -> relatedAddress = t[i + 1];
                case "rport" -> relatedPort = t[i + 1];
                default -> {
                    if (extensions.put(t[i], t[i + 1]) != null) {
                        throw new SdpException("candidate extension '" + SdpTokens.abbreviate(t[i]) + "' repeated");
                    }
                }
            }
        }
        if ((relatedAddress == null) != (relatedPort == null)) {
            throw new SdpException("raddr and rport must come together");
        }
        int related = relatedPort == null ? 0 : SdpTokens.integer(relatedPort, 0, 65535, "candidate rport");
        return new IceCandidate(foundation, component, transport, priority, address, port, type, relatedAddress,
                related, extensions);
    }

    public Optional<String> extension(String name) {
        return Optional.ofNullable(extensions.get(name));
    }

    /** The value of an {@code a=candidate} attribute: the line without {@code a=candidate:}. */
    public String toSdpValue() {
        StringBuilder value = new StringBuilder(96).append(foundation).append(' ').append(component).append(' ')
                .append(transport).append(' ').append(priority).append(' ').append(address).append(' ')
                .append(port).append(" typ ").append(type);
        if (relatedAddress != null) {
            value.append(" raddr ").append(relatedAddress).append(" rport ").append(relatedPort);
        }
        extensions.forEach((name, extensionValue) -> value.append(' ').append(name).append(' ').append(extensionValue));
        return value.toString();
    }

    /** The form trickle ICE messages carry: {@code candidate:...}. */
    public String toCandidateString() {
        return PREFIX + toSdpValue();
    }

    /** ice-char of RFC 8839 section 5.1: ALPHA / DIGIT / "+" / "/". */
    private static boolean isIceChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    }
}
