package io.chorus.recorder.file;

import java.util.Objects;

/**
 * Where a recording stands.
 *
 * @param message why it failed (null unless FAILED)
 */
public record RecordingState(Phase phase, String message) {
    public enum Phase { RECORDING, FINISHED, FAILED }

    public static final RecordingState RECORDING = new RecordingState(Phase.RECORDING, null);
    public static final RecordingState FINISHED = new RecordingState(Phase.FINISHED, null);

    public RecordingState {
        Objects.requireNonNull(phase, "phase");
        if ((phase == Phase.FAILED) != (message != null)) {
            throw new IllegalArgumentException("a message goes with FAILED and only with it: " + phase + ", " + message);
        }
    }

    public static RecordingState failed(String message) {
        return new RecordingState(Phase.FAILED, Objects.requireNonNull(message, "message"));
    }

    @Override
    public String toString() {
        return message == null ? phase.name() : phase + ": " + message;
    }
}
