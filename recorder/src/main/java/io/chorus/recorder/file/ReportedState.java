package io.chorus.recorder.file;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A recording's current state, reported to its listener on each change. The listener runs on
 * whichever thread ended the recording (a sink worker or the caller of stop), so its exceptions are
 * logged rather than let through: a listener's bug must not leave the recording half shut down.
 */
final class ReportedState {
    private static final Logger LOG = LoggerFactory.getLogger(ReportedState.class);

    private final Consumer<RecordingState> listener;
    private volatile RecordingState current = RecordingState.RECORDING;

    ReportedState(Consumer<RecordingState> listener) {
        this.listener = listener;
    }

    RecordingState current() {
        return current;
    }

    void change(RecordingState next) {
        current = next;
        try {
            listener.accept(next);
        } catch (RuntimeException e) {
            LOG.warn("recording state listener failed on {}", next, e);
        }
    }
}
