package io.chorus.signalling.server;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a file (RFC 9110 section 14): what a {@code Range} header asks of a file of a
 * given size. Players and download managers ask for one range at a time; a request for several is
 * answered with the whole file, which the RFC allows.
 *
 * @param first the first byte served
 * @param last  the last byte served, inclusive
 */
record ByteRange(long first, long last) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,19})-(\\d{0,19})");

    long length() {
        return last - first + 1;
    }

    /** How the header applies to the file. */
    sealed interface Request permits Whole, Part, Unsatisfiable {
    }

    /** No usable Range header: send the file, 200. */
    record Whole() implements Request {
    }

    /** 206 with this range. */
    record Part(ByteRange range) implements Request {
    }

    /** 416: a well-formed range that lies beyond the file's end. */
    record Unsatisfiable() implements Request {
    }

    /**
     * @param header the Range header's value, or null
     * @param size   the file's size in bytes
     */
    static Request of(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        Matcher m = SINGLE.matcher(header.strip());
        // Several ranges, another unit or a malformed value: the RFC lets a server ignore the header.
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return new Whole();
        }
        Optional<Long> first = number(m.group(1));
        Optional<Long> last = number(m.group(2));
        if ((!m.group(1).isEmpty() && first.isEmpty()) || (!m.group(2).isEmpty() && last.isEmpty())) {
            return new Whole();
        }
        if (first.isEmpty()) {
            // "-N": the last N bytes.
            long suffix = last.get();
            if (suffix == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Part(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        if (last.isPresent() && last.get() < first.get()) {
            return new Whole();
        }
        if (first.get() >= size) {
            return new Unsatisfiable();
        }
        long end = last.isEmpty() ? size - 1 : Math.min(last.get(), size - 1);
        return new Part(new ByteRange(first.get(), end));
    }

    private static Optional<Long> number(String digits) {
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(digits));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }
}
