package io.chorus.signalling.conference;

import static io.chorus.core.config.SettingChecks.inRange;
import static io.chorus.core.config.SettingChecks.required;

import java.nio.file.Path;

import io.chorus.recorder.file.RecordingFormat;
import io.chorus.recorder.file.RecordingOptions;

/**
 * Where a room's recordings go and whether every room is recorded from its first join.
 *
 * @param directory              where recordings are written
 * @param autoRecord             the format every room is recorded in from its first join, or null for none
 * @param autoRecordParticipants whether that automatic recording also records each participant (ignored without one)
 * @param options                the recorder's queue, AAC bitrate and fragment length
 * @param minFreeMegabytes       free space the directory's disk must have for a recording to start
 */
public record RecordingSettings(Path directory, RecordingFormat autoRecord, boolean autoRecordParticipants,
        RecordingOptions options, int minFreeMegabytes) {

    public RecordingSettings {
        required(directory, "directory");
        required(options, "options");
        inRange(minFreeMegabytes, 0, Integer.MAX_VALUE, "minFreeMegabytes");
    }
}
