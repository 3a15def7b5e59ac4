package io.chorus.core.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a session description (RFC 8866 section 5) into a {@link SessionDescription}.
 *
 * <pre>
 * v=0                      must be the first line
 * o=&lt;6 fields&gt;             the second
 * s=&lt;name&gt;                 the third
 * session lines and a=...  until the first m=
 * m=&lt;media&gt; &lt;port&gt; &lt;proto&gt; &lt;fmt&gt;...   then that section's lines and a=..., per m-line
 * </pre>
 *
 * Lines end in CRLF or LF. The structure is enforced (line order, known type letters, well-formed
 * m-lines and the attributes negotiation relies on) and every failure is an {@link SdpException} that
 * names the line; attributes it does not know are kept as written.
 */
public final class SdpParser {
    /** The type letters RFC 8866 defines; section 5 says to reject descriptions with any other. */
    private static final String TYPE_LETTERS = "vosiuepcbtrzkam";
    private static final int ORIGIN_FIELDS = 6;

    private SdpParser() {
    }

    public static SessionDescription parse(String text) throws SdpException {
        if (text == null || text.isBlank()) {
            throw new SdpException("empty session description");
        }
        List<String> lines = splitLines(text);
        checkHeader(lines);
        String origin = lines.get(1).substring(2);
        String sessionName = lines.get(2).substring(2);
        List<SdpLine> sessionLines = new ArrayList<>(List.of(new SdpLine('v', "0"), new SdpLine('o', origin),
                new SdpLine('s', sessionName)));
        SdpAttributes.Builder sessionAttributes = new SdpAttributes.Builder();
        List<MediaSection> media = new ArrayList<>();
        Set<String> mids = new HashSet<>();
        SectionBuilder section = null;
        for (int i = 3; i < lines.size(); i++) {
            int lineNumber = i + 1;
            SdpLine line = typedLine(lines.get(i), lineNumber);
            switch (line.type()) {
                case 'v', 'o', 's' -> throw new SdpException(
                        "line " + lineNumber + ": a second " + line.type() + "= line");
                case 'm' -> {
                    if (section != null) {
                        media.add(section.build(mids));
                    }
                    section = SectionBuilder.fromMediaLine(line.value(), media.size(), lineNumber);
                }
                case 'a' -> (section == null ? sessionAttributes : section.attributes)
                        .add(attribute(line.value(), lineNumber), lineNumber);
                default -> (section == null ? sessionLines : section.lines).add(line);
            }
        }
        if (section != null) {
            media.add(section.build(mids));
        }
        return new SessionDescription(origin, sessionName, sessionLines, sessionAttributes.build(), media);
    }

    /** Splits on LF, dropping the CR of CRLF and any empty lines after the last one. */
    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            int next = end < 0 ? text.length() : end + 1;
            int stop = end < 0 ? text.length() : end;
            if (stop > start && text.charAt(stop - 1) == '\r') {
                stop--;
            }
            lines.add(text.substring(start, stop));
            start = next;
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static void checkHeader(List<String> lines) throws SdpException {
        String[] expected = {"v", "o", "s"};
        for (int i = 0; i < expected.length; i++) {
            if (i >= lines.size()) {
                throw new SdpException("line " + (i + 1) + ": the description ends before its " + expected[i]
                        + "= line");
            }
            SdpLine line = typedLine(lines.get(i), i + 1);
            if (!expected[i].equals(String.valueOf(line.type()))) {
                throw new SdpException("line " + (i + 1) + ": expected " + expected[i] + "= but found "
                        + line.type() + "=");
            }
        }
        if (!"0".equals(lines.get(0).substring(2))) {
            throw new SdpException("line 1: unsupported version '" + lines.get(0).substring(2) + "'");
        }
        int originFields = SdpTokens.split(lines.get(1).substring(2)).length;
        if (originFields != ORIGIN_FIELDS) {
            throw new SdpException("line 2: o= needs " + ORIGIN_FIELDS + " fields, has " + originFields);
        }
    }

    private static SdpLine typedLine(String line, int lineNumber) throws SdpException {
        if (line.length() < 2 || line.charAt(1) != '=' || TYPE_LETTERS.indexOf(line.charAt(0)) < 0) {
            throw new SdpException("line " + lineNumber + ": not a '<type>=<value>' line with a known type: '"
                    + SdpTokens.abbreviate(line) + "'");
        }
        for (int i = 2; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\0' || c == '\r') {
                throw new SdpException("line " + lineNumber + ": control character " + (int) c + " in the value");
            }
        }
        return new SdpLine(line.charAt(0), line.substring(2));
    }

    private static SdpAttribute attribute(String text, int lineNumber) throws SdpException {
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        if (name.isEmpty() || !name.chars().allMatch(c -> c > ' ' && c < 0x7F)) {
            throw new SdpException("line " + lineNumber + ": bad attribute name '" + SdpTokens.abbreviate(name) + "'");
        }
        return new SdpAttribute(name, colon < 0 ? null : text.substring(colon + 1));
    }

    /** Collects one m-section. */
    private static final class SectionBuilder {
        private final int index;
        private final int lineNumber;
        private final String kind;
        private final int port;
        private final String proto;
        private final List<String> formats;
        private final List<SdpLine> lines = new ArrayList<>();
        private final SdpAttributes.Builder attributes = new SdpAttributes.Builder();

        private SectionBuilder(int index, int lineNumber, String kind, int port, String proto, List<String> formats) {
            this.index = index;
            this.lineNumber = lineNumber;
            this.kind = kind;
            this.port = port;
            this.proto = proto;
            this.formats = formats;
        }

        static SectionBuilder fromMediaLine(String value, int index, int lineNumber) throws SdpException {
            String[] tokens = SdpTokens.split(value);
            if (tokens.length < 4) {
                throw new SdpException("line " + lineNumber + ": m= needs '<media> <port> <proto> <format>...', got '"
                        + SdpTokens.abbreviate(value) + "'");
            }
            try {
                String portToken = tokens[1];
                int slash = portToken.indexOf('/');
                if (slash >= 0) {
                    SdpTokens.integer(portToken.substring(slash + 1), 1, 65535, "port count");
                    portToken = portToken.substring(0, slash);
                }
                int port = SdpTokens.integer(portToken, 0, 65535, "port");
                List<String> formats = new ArrayList<>(List.of(tokens).subList(3, tokens.length));
                if (MediaSection.isRtpProto(tokens[2])) {
                    for (int i = 0; i < formats.size(); i++) {
                        formats.set(i, Integer.toString(SdpTokens.payloadType(formats.get(i))));
                    }
                }
                return new SectionBuilder(index, lineNumber, tokens[0], port, tokens[2], formats);
            } catch (SdpException e) {
                throw new SdpException("line " + lineNumber + ": m=" + tokens[0] + ": " + e.getMessage());
            }
        }

        MediaSection build(Set<String> midsSoFar) throws SdpException {
            SdpAttributes built = attributes.build();
            String mid = built.mid().orElse(null);
            if (mid != null && !midsSoFar.add(mid)) {
                throw new SdpException("line " + lineNumber + ": m=" + kind + " reuses mid '"
                        + SdpTokens.abbreviate(mid) + "' of an earlier m-line");
            }
            return new MediaSection(index, kind, port, proto, formats, lines, built);
        }
    }
}
