package io.chorus.recorder.file;

import io.chorus.recorder.testing.SyntheticRoom;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A JVM that records a synthetic room until it is killed: the crash-safety test runs it as a child
 * process and kills it with SIGKILL, so nothing (no trailer, no shutdown hook) finishes the file.
 */
public final class RecordingChild {
    private RecordingChild() {
    }

    /**
     * Arguments: output directory, format (webm, mkv, mp4), fsync (true or false). Prints "RECORDING
     * <file>" once recording.
     */
    public static void main(String[] args) throws InterruptedException {
        SyntheticRoom room = SyntheticRoom.colours("crash", 640, 360, 15);
        RecordingOptions options = RecordingOptions.defaults().withSyncToDisk(Boolean.parseBoolean(args[2]));
        RoomRecording recording = RoomRecording.start(room.mixer(), Path.of(args[0]), "crash",
                RecordingFormat.parse(args[1]), options, Clock.systemUTC(), state -> System.out.println("STATE " + state));
        System.out.println("RECORDING " + recording.file());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
