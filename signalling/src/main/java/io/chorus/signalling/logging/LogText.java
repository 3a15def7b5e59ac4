package io.chorus.signalling.logging;

/**
 * Text a client chose (a path, a refused value) made safe for a text log line: a line break in it
 * would let a stranger write lines that look like the server's own.
 */
public final class LogText {
    private LogText() {
    }

    public static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        return text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
    }
}
