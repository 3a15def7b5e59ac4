package io.chorus.recorder.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.chorus.recorder.testing.SyntheticRoom;

/**
 * A disk that stops taking writes without failing them (a hung NFS mount, a dying drive): here a
 * named pipe whose 64 KiB buffer is full and which nobody reads, so the recording's writes block.
 * Stopping the recording must not wait for them (issue 16 finding 10).
 */
class StalledDiskTest {
    private static final int PIPE_CAPACITY = 65536;
    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void stoppingARecordingWhoseWriterIsStuckReturnsInItsTimeoutAndFreesTheMuxerWhenTheWriteReturns()
            throws Exception {
        Path fifo = dir.resolve("stalled.webm");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor(), "this test needs mkfifo");
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch drain = new CountDownLatch(1);
        AtomicLong drained = new AtomicLong();
        Thread reader = new Thread(() -> {
            try (InputStream in = new FileInputStream(fifo.toFile())) {
                opened.countDown();
                drain.await();
                byte[] buffer = new byte[65536];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    drained.addAndGet(n);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "fifo-reader");
        reader.start();
        try (SyntheticRoom room = SyntheticRoom.colours("stall", 320, 180, 15);
                OutputStream filler = new FileOutputStream(fifo.toFile())) {
            assertTrue(opened.await(10, TimeUnit.SECONDS));
            // Fills the pipe's 64 KiB buffer, so that the recording's first write blocks.
            filler.write(new byte[PIPE_CAPACITY]);
            RoomRecording recording = RoomRecording.startAt(room.mixer(), fifo, RecordingFormat.WEBM,
                    RecordingOptions.defaults().withStopTimeout(Duration.ofSeconds(1)), s -> { });
            Thread.sleep(2000);
            long start = System.nanoTime();
            RecordingResult result = recording.stop();
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(tookMs < 3000, "stop returned after " + tookMs + " ms");
            assertEquals(RecordingState.Phase.FAILED, result.state().phase());
            assertTrue(result.state().message().contains("did not finish within 1000 ms"), result.state().message());
            assertTrue(room.mixer().stats().videoTicks() > 0, "the room went on");
        } finally {
            drain.countDown();
            reader.join(10_000);
        }
        assertTrue(drained.get() > PIPE_CAPACITY, "the stuck writes completed once read: " + drained.get() + " bytes");
    }
}
