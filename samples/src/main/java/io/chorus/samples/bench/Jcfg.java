package io.chorus.samples.bench;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits settings in the top-level sections of a Janus {@code .jcfg} file (libconfig syntax) as text,
 * so the packaged files keep their comments and every setting this harness does not touch.
 * libconfig rejects a setting given twice, so a setting is replaced, never added next to the old one.
 */
final class Jcfg {

    private Jcfg() {
    }

    /** A jcfg string literal. */
    static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /**
     * The text with each of {@code settings} (name to jcfg literal, or null to leave it unset) set in
     * {@code section}: active lines of the same names in that section are dropped, and the section is
     * appended when missing.
     */
    static String set(String text, String section, Map<String, String> settings) {
        StringBuilder lines = new StringBuilder();
        settings.forEach((name, value) -> {
            if (value != null) {
                lines.append('\t').append(name).append(" = ").append(value).append('\n');
            }
        });
        int[] body = body(text, section);
        if (body == null) {
            return text + (text.endsWith("\n") ? "" : "\n") + section + ": {\n" + lines + "}\n";
        }
        String inside = text.substring(body[0], body[1]);
        for (String name : settings.keySet()) {
            inside = inside.replaceAll("(?m)^[ \\t]*" + Pattern.quote(name) + "[ \\t]*[=:].*\\n?", "");
        }
        return text.substring(0, body[0]) + "\n" + lines + inside.replaceFirst("^\\n", "") + text.substring(body[1]);
    }

    /** The unquoted value of an active string setting of {@code section}, or null. */
    static String get(String text, String section, String name) {
        int[] body = body(text, section);
        if (body == null) {
            return null;
        }
        Matcher m = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(name) + "[ \\t]*[=:][ \\t]*\"([^\"]*)\"")
                .matcher(text.substring(body[0], body[1]));
        return m.find() ? m.group(1) : null;
    }

    /** Start (after the opening brace) and end (at the closing brace) of a top-level section, or null. */
    private static int[] body(String text, String section) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(section) + "[ \\t]*:[ \\t]*\\{").matcher(text);
        if (!m.find()) {
            return null;
        }
        int depth = 1;
        boolean inString = false;
        for (int i = m.end(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '#') {
                // A comment runs to the end of its line and may hold braces of its own (the examples do).
                int eol = text.indexOf('\n', i);
                i = eol < 0 ? text.length() : eol;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return new int[] {m.end(), i};
            }
        }
        throw new IllegalArgumentException("section " + section + " is not closed");
    }
}
