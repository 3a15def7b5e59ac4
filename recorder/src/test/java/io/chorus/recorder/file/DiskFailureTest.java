package io.chorus.recorder.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.output.VideoProfile;
import io.chorus.recorder.testing.SyntheticRoom;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures that stop even root: /dev/full answers every write with ENOSPC (a disk that filled up),
 * and a directory below a regular file cannot exist.
 */
class DiskFailureTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskEndsTheRecordingFailedWhileTheRoomAndOtherOutputsGoOn() throws Exception {
        Path full = Path.of("/dev/full");
        assertTrue(Files.exists(full), "this test needs /dev/full (Linux)");
        List<RecordingState> states = new CopyOnWriteArrayList<>();
        CountDownLatch failed = new CountDownLatch(1);
        AtomicLong viewerFrames = new AtomicLong();
        try (SyntheticRoom room = SyntheticRoom.colours("disk", 320, 180, 15)) {
            room.mixer().subscribeVideo("viewer", new VideoProfile(VideoCodec.VP8, 320, 180, 300_000), f -> viewerFrames.incrementAndGet());
            RoomRecording healthy = RoomRecording.start(room.mixer(), dir, "disk", RecordingFormat.WEBM, Clock.systemUTC(), s -> { });
            RoomRecording doomed = RoomRecording.startAt(room.mixer(), full, RecordingFormat.WEBM, RecordingOptions.defaults(), s -> {
                states.add(s);
                failed.countDown();
            });
            assertTrue(failed.await(10, TimeUnit.SECONDS), "the recording onto a full disk fails");
            RecordingState state = doomed.state();
            assertEquals(RecordingState.Phase.FAILED, state.phase());
            assertTrue(state.message().contains("No space left on device"), state.message());
            long overrunsAtFailure = room.mixer().stats().videoOverruns();
            long viewerAtFailure = viewerFrames.get();
            Thread.sleep(2000);
            assertTrue(viewerFrames.get() - viewerAtFailure >= 20, "the viewer kept getting frames: "
                    + (viewerFrames.get() - viewerAtFailure) + " in 2 s");
            assertEquals(RecordingState.Phase.FAILED, doomed.stop().state().phase(), "stop keeps the failure");
            RecordingResult ok = healthy.stop();
            assertEquals(RecordingState.Phase.FINISHED, ok.state().phase(), "the other recording finished");
            assertTrue(ok.durationMs() > 1500, "the other recording kept recording: " + ok.durationMs() + " ms");
            System.out.printf("full disk: %s; video overruns %d at failure, %d after%n", state, overrunsAtFailure,
                    room.mixer().stats().videoOverruns());
        }
        assertEquals(1, states.size(), "one state change: " + states);
    }

    @Test
    void aDirectoryThatCannotExistFailsAtStartWithTheReason() throws Exception {
        Path notADirectory = Files.createFile(dir.resolve("plain-file"));
        try (SyntheticRoom room = SyntheticRoom.colours("nodir", 320, 180, 15)) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> RoomRecording.start(room.mixer(),
                    notADirectory.resolve("sub"), "nodir", RecordingFormat.MP4, Clock.systemUTC(), s -> { }));
            assertTrue(e.getMessage().contains("cannot create recording file " + notADirectory.resolve("sub")), e.getMessage());
            assertEquals(0, room.mixer().stats().videoEncodersOpen(), "nothing subscribed");
        }
    }

    @Test
    void aRecordingThatCannotSubscribeLeavesNoWriterThreadOrFileBehind() throws Exception {
        SyntheticRoom room = SyntheticRoom.colours("gone", 320, 180, 15);
        room.close();
        long writersBefore = sinkThreads();
        assertThrows(IllegalStateException.class, () -> RoomRecording.start(room.mixer(), dir, "gone",
                RecordingFormat.MP4, Clock.systemUTC(), s -> { }));
        Thread.sleep(200);
        assertEquals(writersBefore, sinkThreads(), "the writer thread ended");
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "the empty file was removed");
        }
    }

    private static long sinkThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("sink-recording:"))
                .count();
    }

    @Test
    void roomIdsCannotLeaveTheDirectory() {
        try (SyntheticRoom room = SyntheticRoom.colours("esc", 320, 180, 15)) {
            for (String bad : List.of("../etc", "a/b", "", "a.b", "x y")) {
                assertThrows(IllegalArgumentException.class, () -> RoomRecording.start(room.mixer(), dir, bad,
                        RecordingFormat.WEBM, Clock.systemUTC(), s -> { }), bad);
            }
            assertFalse(Files.exists(dir.getParent().resolve("etc")));
        }
    }
}
