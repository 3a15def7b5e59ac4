package io.chorus.recorder.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names recording files {@code <name>-<UTC start, e.g. 20261121T103000Z>.<ext>} inside one directory,
 * adding {@code -2}, {@code -3}... when a name is taken, and reserves the name by creating the file,
 * so two recordings started in the same second never share a file. The name part is restricted to
 * {@code [A-Za-z0-9_-]}, so nothing a caller passes can leave the directory.
 */
final class RecordingFiles {
    /**
     * How recordings open their file: FFmpeg reads a {@code name:} prefix as a protocol, so the path
     * is given as a {@code file:} URL and no other protocol is allowed to open, whatever the path holds.
     */
    static final Map<String, String> FILE_ONLY = Map.of("protocol_whitelist", "file");

    static String url(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_SUFFIX = 1000;

    private RecordingFiles() {
    }

    /**
     * Creates a new, empty file for a recording.
     *
     * @throws IllegalArgumentException when {@code name} has characters outside [A-Za-z0-9_-]
     * @throws UncheckedIOException     when the directory does not exist or is not writable
     */
    static Path reserve(Path directory, String name, String extension, Clock clock) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("recording name must be 1-100 characters of [A-Za-z0-9_-]: " + name);
        }
        Path dir = directory.toAbsolutePath().normalize();
        String stem = name + "-" + STAMP.format(clock.instant());
        for (int n = 1; n <= MAX_SUFFIX; n++) {
            Path file = dir.resolve(stem + (n == 1 ? "" : "-" + n) + "." + extension);
            try {
                return Files.createFile(file);
            } catch (FileAlreadyExistsException taken) {
                // try the next suffix
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create recording file " + file + ": " + describe(e), e);
            }
        }
        throw new IllegalStateException("more than " + MAX_SUFFIX + " recordings named " + stem + " in " + dir);
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    /** The file's size, 0 when it is gone or not a regular file (a device). */
    static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Removes a reserved file nothing was written to, so a recording that never started leaves no litter. */
    static void deleteIfEmpty(Path file) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) == 0) {
                Files.delete(file);
            }
        } catch (IOException e) {
            // Best effort: an empty file is harmless.
        }
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
