package io.chorus.recorder.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes what a recording has written durable: {@code fsync} of the file after a cluster boundary,
 * at most once per fragment length. Matroska and fragmented MP4 close a cluster or fragment only
 * where a video key frame starts the next one (any packet, in a file without video), and
 * {@code flush_packets} has already handed the closed one to the kernel, so after each sync the file
 * up to there survives a power cut or a kernel crash. A killed process loses nothing more without it:
 * the kernel's page cache outlives the process (measured in {@code CrashSafetyTest}).
 *
 * <p>Runs on the recording's writer thread. A slow disk slows only that writer, whose queue drops
 * frames rather than hold the mixer; a failed sync fails the recording, because the kernel may
 * already have dropped the data it could not write.
 */
final class DiskSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiskSync.class);
    private static final long SLOW_SYNC_NANOS = 1_000_000_000L;

    private final Path file;
    /** Null when syncing is off. */
    private final FileChannel channel;
    private final long intervalNanos;
    private long lastSyncNanos;
    private long syncs;
    private long syncNanos;

    private DiskSync(Path file, FileChannel channel, Duration interval) {
        this.file = file;
        this.channel = channel;
        this.intervalNanos = interval.toNanos();
        this.lastSyncNanos = System.nanoTime();
    }

    /**
     * For a file the muxer has already created; {@code enabled} false gives one that never syncs.
     * fsync acts on the file, not on the descriptor, so a read-only channel of our own reaches the
     * data FFmpeg wrote through its descriptor.
     */
    static DiskSync open(Path file, Duration interval, boolean enabled) {
        if (!enabled) {
            return new DiskSync(file, null, interval);
        }
        try {
            return new DiskSync(file, FileChannel.open(file, StandardOpenOption.READ), interval);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + " to sync it: " + e, e);
        }
    }

    /**
     * After each packet the muxer took: syncs when {@code boundary} (a packet that may start a cluster)
     * and a fragment length has passed since the last sync.
     *
     * @throws UncheckedIOException when the sync fails
     */
    void afterWrite(boolean boundary) {
        if (channel != null && boundary && System.nanoTime() - lastSyncNanos >= intervalNanos) {
            force();
        }
    }

    /** Syncs now whatever the interval, e.g. once the trailer is written. */
    void syncNow() {
        if (channel != null) {
            force();
        }
    }

    private void force() {
        long start = System.nanoTime();
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("fsync of " + file + " failed: " + e, e);
        }
        long end = System.nanoTime();
        lastSyncNanos = end;
        syncs++;
        syncNanos += end - start;
        if (end - start > SLOW_SYNC_NANOS) {
            LOG.warn("fsync of {} took {} ms: the disk is slow, the recording's queue may drop frames", file,
                    (end - start) / 1_000_000);
        }
    }

    /** How often it synced and how long that took, for the recording's closing log line. */
    String describe() {
        return channel == null ? "fsync off" : syncs + " fsyncs, " + syncNanos / 1_000_000 + " ms in all";
    }

    long syncs() {
        return syncs;
    }

    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing the sync channel of {}: {}", file, e.getMessage());
        }
    }
}
