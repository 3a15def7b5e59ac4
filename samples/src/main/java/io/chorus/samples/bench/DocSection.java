package io.chorus.samples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A benchmark's own section of docs/benchmarks.md, between {@code <!-- name:start -->} and
 * {@code <!-- name:end -->}: each script rewrites its section and leaves the hand-written text and the
 * other scripts' sections alone.
 */
final class DocSection {
    private DocSection() {
    }

    /** Replaces the section called {@code name} in {@code doc} with {@code body}, or appends it. */
    static void write(Path doc, String name, String body) throws IOException {
        String text = Files.exists(doc) ? Files.readString(doc) : "# Benchmarks\n";
        Files.writeString(doc, replace(text, name, body));
    }

    static String replace(String document, String name, String body) {
        String start = "<!-- " + name + ":start -->";
        String end = "<!-- " + name + ":end -->";
        String marked = start + "\n" + body + end + "\n";
        int from = document.indexOf(start);
        int to = document.indexOf(end);
        if (from < 0 || to < from) {
            return document + (document.endsWith("\n") ? "\n" : "\n\n") + marked;
        }
        return document.substring(0, from) + marked + document.substring(to + end.length()).replaceFirst("^\n", "");
    }
}
