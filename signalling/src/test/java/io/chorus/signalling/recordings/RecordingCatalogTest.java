package io.chorus.signalling.recordings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.recorder.file.RecordingResult;
import io.chorus.recorder.file.RecordingState;
import io.chorus.signalling.conference.RecordingStatus;
import io.chorus.signalling.conference.RoomEvent;

class RecordingCatalogTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    @Test
    void aRecordingIsListedFromItsStartAndKeepsItsSizeAndStateAcrossARestart() throws Exception {
        try (RecordingCatalog catalog = RecordingCatalog.open(directory, MAPPER, CLOCK)) {
            Files.write(directory.resolve("standup-1.webm"), new byte[1234]);
            catalog.record("standup", status("r1", "standup-1.webm", "recording", 0, null));
            RecordingEntry started = catalog.byFile("standup-1.webm").orElseThrow();
            assertTrue(started.inProgress());
            assertEquals("standup", started.room());
            catalog.record("standup", status("r1", "standup-1.webm", "finished", 61_000, null));
        }
        assertTrue(Files.exists(directory.resolve("standup-1.webm.json")), "the sidecar is written by close()");
        try (RecordingCatalog reopened = RecordingCatalog.open(directory, MAPPER, CLOCK)) {
            RecordingEntry entry = reopened.byFile("standup-1.webm").orElseThrow();
            assertEquals(new RecordingEntry("standup-1.webm", "standup", "r1", "webm", "finished",
                    CLOCK.instant(), CLOCK.instant(), 61_000, 1234L, null, null), entry);
            assertEquals("/api/recordings/standup-1.webm/file", entry.downloadPath());
            assertEquals(entry, reopened.byRoomRecording("standup", "r1").orElseThrow());
        }
    }

    @Test
    void aRecordingTheServerNeverFinishedComesBackInterruptedWithWhatItHolds() throws Exception {
        try (RecordingCatalog catalog = RecordingCatalog.open(directory, MAPPER, CLOCK)) {
            Files.write(directory.resolve("crash-1.mp4"), new byte[10]);
            catalog.record("crash", status("r1", "crash-1.mp4", "recording", 0, null));
        }
        // The server was killed: the recorder went on writing, and no end was ever recorded.
        Files.write(directory.resolve("crash-1.mp4"), new byte[4096]);
        try (RecordingCatalog reopened = RecordingCatalog.open(directory, MAPPER, CLOCK)) {
            RecordingEntry entry = reopened.byFile("crash-1.mp4").orElseThrow();
            assertEquals("interrupted", entry.state());
            assertEquals(4096L, entry.bytes());
            assertFalse(entry.inProgress());
        }
        try (RecordingCatalog again = RecordingCatalog.open(directory, MAPPER, CLOCK)) {
            assertEquals("interrupted", again.byFile("crash-1.mp4").orElseThrow().state(), "and stays so");
        }
    }

    @Test
    void listsNewestFirstByRoomWithinTheLimit() throws Exception {
        Instant[] now = {Instant.parse("2026-12-05T10:00:00Z")};
        Clock ticking = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                now[0] = now[0].plusSeconds(1);
                return now[0];
            }
        };
        try (RecordingCatalog catalog = RecordingCatalog.open(directory, MAPPER, ticking)) {
            for (String file : List.of("a-1.webm", "b-1.webm", "a-2.webm")) {
                Files.write(directory.resolve(file), new byte[1]);
                catalog.record(file.substring(0, 1), status("r" + file.charAt(2), file, "recording", 0, null));
            }
            assertEquals(List.of("a-2.webm", "b-1.webm", "a-1.webm"), files(catalog.list(null, 10)));
            assertEquals(List.of("a-2.webm", "a-1.webm"), files(catalog.list("a", 10)));
            assertEquals(List.of("a-2.webm"), files(catalog.list(null, 1)));
        }
    }

    @Test
    void aRoomReopenedUnderItsNameGivesItsIdsAgainAndTheLatestWins() throws Exception {
        try (RecordingCatalog catalog = RecordingCatalog.open(directory, MAPPER, CLOCK)) {
            Files.write(directory.resolve("x-1.webm"), new byte[1]);
            catalog.record("x", status("r1", "x-1.webm", "recording", 0, null));
            catalog.record("x", status("r1", "x-1.webm", "finished", 1000, null));
        }
        try (RecordingCatalog catalog = RecordingCatalog.open(directory, MAPPER,
                Clock.fixed(CLOCK.instant().plusSeconds(3600), ZoneOffset.UTC))) {
            Files.write(directory.resolve("x-2.webm"), new byte[1]);
            catalog.record("x", status("r1", "x-2.webm", "recording", 0, null));
            assertEquals("x-2.webm", catalog.byRoomRecording("x", "r1").orElseThrow().file());
        }
    }

    @Test
    void deletingRemovesFileAndSidecarButNotWhileRecording() throws Exception {
        try (RecordingCatalog catalog = RecordingCatalog.open(directory, MAPPER, CLOCK)) {
            Files.write(directory.resolve("d-1.mkv"), new byte[5]);
            catalog.record("d", status("r1", "d-1.mkv", "recording", 0, null));
            assertThrows(IllegalStateException.class, () -> catalog.delete("d-1.mkv"));
            catalog.record("d", status("r1", "d-1.mkv", "finished", 1000, null));
            assertTrue(catalog.delete("d-1.mkv"));
            assertTrue(catalog.byFile("d-1.mkv").isEmpty(), "gone from the catalog at once");
            catalog.awaitDiskWork();
            assertFalse(Files.exists(directory.resolve("d-1.mkv")));
            assertFalse(Files.exists(directory.resolve("d-1.mkv.json")));
            assertTrue(catalog.byFile("d-1.mkv").isEmpty());
            assertFalse(catalog.delete("d-1.mkv"));
        }
        try (RecordingCatalog reopened = RecordingCatalog.open(directory, MAPPER, CLOCK)) {
            assertEquals(List.of(), reopened.list(null, 10), "no sidecar came back after the deletion");
        }
    }

    @Test
    void participantsFilesJoinTheirRoomRecordingAndLeaveWithIt() throws Exception {
        try (RecordingCatalog catalog = RecordingCatalog.open(directory, MAPPER, CLOCK)) {
            Files.write(directory.resolve("p-1.webm"), new byte[10]);
            Files.write(directory.resolve("p-p1-1.webm"), new byte[7]);
            catalog.record("p", status("r1", "p-1.webm", "recording", 0, null));
            catalog.record("p", status("r1", "p-1.webm", "finished", 3000, null));
            catalog.recordParticipantFiles("p", new RoomEvent.ParticipantFilesFinished("r1", "p-1.webm", List.of(
                    new RecordingResult(directory.resolve("p-p1-1.webm"), 2900, 7, RecordingState.FINISHED),
                    new RecordingResult(directory.resolve("p-p2-1.webm"), 0, 0,
                            RecordingState.failed("nothing recorded")))));
        }
        try (RecordingCatalog reopened = RecordingCatalog.open(directory, MAPPER, CLOCK)) {
            RecordingEntry own = reopened.byFile("p-p1-1.webm").orElseThrow();
            assertEquals("p-1.webm", own.partOf());
            assertEquals("r1", own.id());
            assertEquals(7L, own.bytes());
            assertTrue(reopened.byFile("p-p2-1.webm").isEmpty(), "a participant file that was never written");
            assertEquals("p-1.webm", reopened.byRoomRecording("p", "r1").orElseThrow().file(),
                    "the room's id names the room recording, not a participant's file");
            assertTrue(reopened.delete("p-1.webm"));
            reopened.awaitDiskWork();
            assertFalse(Files.exists(directory.resolve("p-p1-1.webm")));
            assertEquals(List.of(), reopened.list(null, 10));
        }
    }

    @Test
    void anEndReportedBeforeItsStartIsKept() throws Exception {
        try (RecordingCatalog catalog = RecordingCatalog.open(directory, MAPPER, CLOCK)) {
            Files.write(directory.resolve("f-1.webm"), new byte[3]);
            catalog.record("f", status("r1", "f-1.webm", "failed", 0, "encoder failed"));
            catalog.record("f", status("r1", "f-1.webm", "recording", 0, null));
            assertEquals("failed", catalog.byFile("f-1.webm").orElseThrow().state());
        }
    }

    @Test
    void aRecordingThatLeftNoFileIsNotListed() throws Exception {
        try (RecordingCatalog catalog = RecordingCatalog.open(directory, MAPPER, CLOCK)) {
            catalog.record("e", status("r1", "e-1.webm", "recording", 0, null));
            catalog.record("e", status("r1", "e-1.webm", "failed", 0, "nothing recorded"));
        }
        try (RecordingCatalog reopened = RecordingCatalog.open(directory, MAPPER, CLOCK)) {
            assertEquals(List.of(), reopened.list(null, 10));
        }
        try (var files = Files.list(directory)) {
            assertEquals(List.of(), files.toList(), "no sidecar is left behind");
        }
    }

    @Test
    void strangeFilesInTheDirectoryAreSkipped() throws Exception {
        Files.writeString(directory.resolve("notes.json"), "{\"not\":\"a sidecar\"}");
        Files.writeString(directory.resolve("broken.webm.json"), "{\"file\":");
        Files.writeString(directory.resolve("gone.webm.json"), new RecordingEntry("gone.webm", "g", "r1", "webm",
                "finished", CLOCK.instant(), CLOCK.instant(), 1, 1L, null, null).toJson(MAPPER).toString());
        Files.write(directory.resolve("other.webm"), new byte[1]);
        Files.writeString(directory.resolve("renamed.webm.json"), new RecordingEntry("other.webm", "o", "r1", "webm",
                "finished", CLOCK.instant(), CLOCK.instant(), 1, 1L, null, null).toJson(MAPPER).toString());
        try (RecordingCatalog catalog = RecordingCatalog.open(directory, MAPPER, CLOCK)) {
            assertEquals(List.of(), catalog.list(null, 10));
        }
    }

    @Test
    void aDirectoryThatDoesNotExistYetIsAnEmptyCatalog() throws Exception {
        try (RecordingCatalog catalog = RecordingCatalog.open(directory.resolve("later"), MAPPER, CLOCK)) {
            assertEquals(List.of(), catalog.list(null, 10));
        }
    }

    private static RecordingStatus status(String id, String file, String state, long durationMs, String error) {
        String format = file.substring(file.lastIndexOf('.') + 1);
        return new RecordingStatus(id, format, file, state, durationMs, error);
    }

    private static List<String> files(List<RecordingEntry> entries) {
        return entries.stream().map(RecordingEntry::file).toList();
    }
}
