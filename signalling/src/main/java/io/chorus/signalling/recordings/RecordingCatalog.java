package io.chorus.signalling.recordings;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.recorder.file.RecordingResult;
import io.chorus.signalling.conference.RecordingStatus;
import io.chorus.signalling.conference.Room;
import io.chorus.signalling.conference.RoomEvent;
import io.chorus.signalling.conference.RoomListener;

/**
 * Every room recording in the recording directory, whether its room is still open or not: what
 * {@code GET /api/recordings} lists, downloads and deletes. Each recording has a sidecar
 * {@code <file>.json} beside its file, written when it starts and when it ends, so the catalog
 * survives restarts; one the server could not finish (it was killed) is found again as
 * {@code interrupted}. Recordings made before this catalog existed have no sidecar and are not
 * listed.
 */
public final class RecordingCatalog implements RoomListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingCatalog.class);
    static final String SIDECAR = ".json";
    /** Sidecar writes waiting; a recording makes two, so this is far above what rooms' limits allow. */
    private static final int MAX_PENDING_WRITES = 10_000;

    private final Path directory;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Map<String, RecordingEntry> entries = new ConcurrentHashMap<>();
    /** One thread does all of the catalog's disk work, in the order of the events. */
    private final ThreadPoolExecutor disk;

    private RecordingCatalog(Path directory, ObjectMapper mapper, Clock clock) {
        this.directory = directory;
        this.mapper = mapper;
        this.clock = clock;
        this.disk = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(MAX_PENDING_WRITES),
                r -> {
                    Thread t = new Thread(r, "recording-catalog");
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Reads the sidecars in {@code directory} (which need not exist yet). */
    public static RecordingCatalog open(Path directory, ObjectMapper mapper, Clock clock) throws IOException {
        RecordingCatalog catalog = new RecordingCatalog(directory, mapper, clock);
        catalog.load();
        return catalog;
    }

    private void load() throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        int interrupted = 0;
        try (DirectoryStream<Path> sidecars = Files.newDirectoryStream(directory, "*" + SIDECAR)) {
            for (Path sidecar : sidecars) {
                RecordingEntry entry;
                try {
                    entry = RecordingEntry.fromJson(mapper.readTree(sidecar.toFile()));
                } catch (IOException | IllegalArgumentException e) {
                    LOG.warn("recording catalog: skipping {}: not a recording's sidecar ({})", sidecar, e.getMessage());
                    continue;
                }
                Path media = directory.resolve(entry.file());
                if (!sidecar.getFileName().toString().equals(entry.file() + SIDECAR) || !Files.exists(media)) {
                    LOG.warn("recording catalog: skipping {}: its recording {} is not in {}", sidecar, entry.file(),
                            directory);
                    continue;
                }
                if (entry.inProgress()) {
                    // One unreadable file or unwritable sidecar must not keep the server from starting.
                    try {
                        entry = entry.ended("interrupted", Files.getLastModifiedTime(media).toInstant(),
                                entry.durationMs(), Files.size(media),
                                "the server stopped while recording; the file holds what was written");
                        write(entry);
                        interrupted++;
                    } catch (IOException e) {
                        LOG.warn("recording catalog: {} was cut short by the last shutdown, and its sidecar cannot be "
                                + "updated ({}); listed as interrupted for this run only", entry.file(), e.toString());
                    }
                }
                entries.put(entry.file(), entry);
            }
        }
        LOG.info("recording catalog: {} recording(s) in {}{}", entries.size(), directory,
                interrupted == 0 ? "" : ", " + interrupted + " of them interrupted by the last shutdown");
    }

    @Override
    public void onEvent(Room room, RoomEvent event) {
        if (event instanceof RoomEvent.RecordingChanged changed) {
            record(room.id(), changed.recording());
        } else if (event instanceof RoomEvent.ParticipantFilesFinished files) {
            recordParticipantFiles(room.id(), files);
        }
    }

    void record(String room, RecordingStatus status) {
        RecordingEntry entry;
        if (status.state().equals("recording")) {
            if (entries.containsKey(status.file())) {
                return;
            }
            entry = new RecordingEntry(status.file(), room, status.id(), status.format(), "recording", clock.instant(),
                    null, 0, null, null, null);
        } else {
            // A recorder that fails at once may report its end before the room reported its start.
            RecordingEntry started = entries.getOrDefault(status.file(), new RecordingEntry(status.file(), room,
                    status.id(), status.format(), "recording", clock.instant(), null, 0, null, null, null));
            entry = started.ended(status.state(), clock.instant(), status.durationMs(), null, status.error());
        }
        entries.put(entry.file(), entry);
        submit(() -> persist(entry.file()));
    }

    /** Each participant's own file joins the catalog under its room recording; sizes are read on the disk thread. */
    void recordParticipantFiles(String room, RoomEvent.ParticipantFilesFinished finished) {
        RecordingEntry parent = entries.get(finished.roomFile());
        Instant now = clock.instant();
        for (RecordingResult result : finished.files()) {
            String file = result.file().getFileName().toString();
            RecordingEntry entry = new RecordingEntry(file, room, finished.recordingId(),
                    file.substring(file.lastIndexOf('.') + 1), result.state().phase().name().toLowerCase(Locale.ROOT),
                    parent == null ? now : parent.startedAt(), now, result.durationMs(), null, result.state().message(),
                    finished.roomFile());
            entries.put(file, entry);
            submit(() -> persist(file));
        }
    }

    /** On the disk thread: the finished file's size, then the sidecar, unless it was deleted meanwhile. */
    private void persist(String file) {
        RecordingEntry entry = entries.get(file);
        if (entry == null) {
            return;
        }
        if (!entry.inProgress() && entry.bytes() == null) {
            try {
                long size = Files.size(directory.resolve(file));
                entry = entry.ended(entry.state(), entry.finishedAt(), entry.durationMs(), size, entry.error());
                entries.replace(file, entry);
            } catch (NoSuchFileException e) {
                // The recorder removes a file it wrote nothing into: there is nothing to list or serve.
                LOG.info("recording catalog: {} ended {} without a file ({}); not listed", file, entry.state(),
                        entry.error());
                entries.remove(file);
                deleteSidecar(file);
                return;
            } catch (IOException e) {
                LOG.warn("recording catalog: cannot read the size of {}: {}", file, e.toString());
            }
        }
        try {
            write(entry);
        } catch (IOException e) {
            LOG.error("recording catalog: cannot write {}'s sidecar in {}; it will be missing from the list after a "
                    + "restart: {}", file, directory, e.toString());
        }
    }

    private void deleteSidecar(String file) {
        try {
            Files.deleteIfExists(directory.resolve(file + SIDECAR));
        } catch (IOException e) {
            LOG.warn("recording catalog: cannot delete {}'s sidecar: {}", file, e.toString());
        }
    }

    /** Written whole then renamed, so a crash leaves the old sidecar or the new one, never half of one. */
    private void write(RecordingEntry entry) throws IOException {
        Path target = directory.resolve(entry.file() + SIDECAR);
        Path temporary = directory.resolve("." + entry.file() + SIDECAR + ".tmp");
        Files.write(temporary, mapper.writeValueAsBytes(entry.toJson(mapper)));
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Future<?> submit(Runnable work) {
        try {
            return disk.submit(work);
        } catch (RejectedExecutionException e) {
            if (disk.isShutdown()) {
                LOG.error("recording catalog: a recording changed after shutdown began; its sidecar is not updated");
            } else {
                LOG.error("recording catalog: {} disk operations are waiting, all it may; this one is lost",
                        MAX_PENDING_WRITES);
            }
            throw e;
        }
    }

    /** Newest first; with {@code room}, only that room's. */
    public List<RecordingEntry> list(String room, int limit) {
        return entries.values().stream().filter(e -> room == null || e.room().equals(room))
                .sorted(Comparator.comparing(RecordingEntry::startedAt).reversed().thenComparing(RecordingEntry::file))
                .limit(limit).toList();
    }

    public Optional<RecordingEntry> byFile(String file) {
        return Optional.ofNullable(entries.get(file));
    }

    /** The latest recording a room of that name gave that id (ids start again at r1 when a room reopens). */
    public Optional<RecordingEntry> byRoomRecording(String room, String id) {
        return entries.values().stream().filter(e -> e.partOf() == null && e.room().equals(room) && e.id().equals(id))
                .max(Comparator.comparing(RecordingEntry::startedAt));
    }

    /** Where the recording's file is (it may have been removed by hand meanwhile). */
    public Path path(RecordingEntry entry) {
        return directory.resolve(entry.file());
    }

    /**
     * Takes a recording that has ended (with its participants' files) out of the catalog at once and
     * deletes its files on the disk thread, so that no request thread waits for a slow disk.
     *
     * @throws IllegalStateException while it is still being recorded
     * @return false when there is no such recording
     */
    public boolean delete(String file) {
        RecordingEntry entry = entries.get(file);
        if (entry == null) {
            return false;
        }
        if (entry.inProgress()) {
            throw new IllegalStateException(file + " is still being recorded; stop it first");
        }
        List<String> files = new ArrayList<>(List.of(file));
        entries.values().stream().filter(e -> file.equals(e.partOf())).forEach(e -> files.add(e.file()));
        files.forEach(entries::remove);
        submit(() -> {
            for (String each : files) {
                try {
                    Files.deleteIfExists(directory.resolve(each));
                    Files.deleteIfExists(directory.resolve(each + SIDECAR));
                } catch (IOException e) {
                    LOG.error("recording catalog: cannot delete {} from {}: {}; it is no longer listed", each,
                            directory, e.toString());
                }
            }
            LOG.info("recording catalog: deleted {} (room {}, {}){}", file, entry.room(), entry.id(),
                    files.size() == 1 ? "" : " and its " + (files.size() - 1) + " participant file(s)");
        });
        return true;
    }

    /** Runs after the disk work queued so far: for tests that look at the directory. */
    void awaitDiskWork() throws Exception {
        submit(() -> { }).get(10, TimeUnit.SECONDS);
    }

    /** Finishes the queued disk work (the rooms' last recordings' sidecars among it), then stops. */
    @Override
    public void close() {
        disk.shutdown();
        try {
            if (!disk.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("recording catalog: sidecar writes still pending at shutdown; those recordings will show as "
                        + "interrupted");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
