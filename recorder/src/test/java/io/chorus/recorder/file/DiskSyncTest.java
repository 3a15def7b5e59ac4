package io.chorus.recorder.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chorus.recorder.testing.SyntheticRoom;

class DiskSyncTest {
    @TempDir
    Path dir;

    @Test
    void syncsAtABoundaryOnceTheIntervalHasPassed() throws Exception {
        Path file = Files.write(dir.resolve("a.webm"), new byte[1000]);
        try (DiskSync sync = DiskSync.open(file, Duration.ofMillis(100), true)) {
            sync.afterWrite(true);
            assertEquals(0, sync.syncs(), "not before the interval");
            Thread.sleep(120);
            sync.afterWrite(false);
            assertEquals(0, sync.syncs(), "not between boundaries");
            sync.afterWrite(true);
            assertEquals(1, sync.syncs());
            sync.afterWrite(true);
            assertEquals(1, sync.syncs(), "the interval starts again");
            sync.syncNow();
            assertEquals(2, sync.syncs());
            assertTrue(sync.describe().startsWith("2 fsyncs, "), sync.describe());
        }
    }

    @Test
    void offNeverSyncs() throws Exception {
        Path file = Files.write(dir.resolve("b.webm"), new byte[10]);
        try (DiskSync sync = DiskSync.open(file, Duration.ofMillis(1), false)) {
            Thread.sleep(5);
            sync.afterWrite(true);
            sync.syncNow();
            assertEquals(0, sync.syncs());
            assertEquals("fsync off", sync.describe());
        }
    }

    @Test
    void aFileThatCannotBeOpenedIsRefusedWithItsName() {
        Path missing = dir.resolve("gone.webm");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> DiskSync.open(missing, Duration.ofSeconds(1), true));
        assertTrue(e.getMessage().contains("gone.webm"), e.getMessage());
    }

    @Test
    void aRoomRecordingSyncsAfterItsClusters() throws Exception {
        SyntheticRoom room = SyntheticRoom.colours("sync", 320, 180, 15);
        try {
            RecordingOptions options = RecordingOptions.defaults();
            RoomRecording recording = RoomRecording.start(room.mixer(), dir, "sync", RecordingFormat.WEBM, options,
                    Clock.systemUTC(), state -> { });
            Thread.sleep(4_500);
            RecordingResult result = recording.stop();
            assertEquals(RecordingState.FINISHED, result.state());
            // Key frames every 2 s: clusters close at about 2 s and 4 s, and the finished file is synced once more.
            assertTrue(recording.diskSyncs() >= 2 && recording.diskSyncs() <= 4, "fsyncs: " + recording.diskSyncs());
        } finally {
            room.close();
        }
    }

    /**
     * What one sync of a cluster's worth of data costs on this machine's disk: ten 64 kB appends
     * (about a second of 500 kb/s video), each followed by an fsync. Reported, not asserted.
     */
    @Test
    void reportsWhatASyncCosts() throws Exception {
        Path file = Files.createFile(dir.resolve("cost.webm"));
        byte[] cluster = new byte[64 * 1024];
        Arrays.fill(cluster, (byte) 7);
        long[] nanos = new long[10];
        try (DiskSync sync = DiskSync.open(file, Duration.ofSeconds(1), true)) {
            for (int i = 0; i < nanos.length; i++) {
                Files.write(file, cluster, StandardOpenOption.APPEND);
                long start = System.nanoTime();
                sync.syncNow();
                nanos[i] = System.nanoTime() - start;
            }
            assertEquals(nanos.length, sync.syncs());
        }
        Arrays.sort(nanos);
        System.out.printf("fsync after a 64 kB append: median %.2f ms, max %.2f ms (10 syncs)%n", nanos[5] / 1e6,
                nanos[9] / 1e6);
    }
}
