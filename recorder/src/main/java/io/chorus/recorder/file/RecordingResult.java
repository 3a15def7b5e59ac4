package io.chorus.recorder.file;

import java.nio.file.Path;

/**
 * What a stopped recording left behind.
 *
 * @param durationMs media time from the first to the last packet written
 * @param bytes      the file's size
 */
public record RecordingResult(Path file, long durationMs, long bytes, RecordingState state) {
}
