package io.chorus.signalling.conference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chorus.mixer.room.RoomMixer;
import io.chorus.recorder.file.RecordingFormat;
import io.chorus.recorder.file.RecordingOptions;
import io.chorus.recorder.file.RecordingResult;
import io.chorus.recorder.file.RecordingState;
import io.chorus.recorder.file.RoomRecording;
import io.chorus.recorder.rtmp.BroadcastSettings;
import io.chorus.recorder.rtmp.RtmpBroadcast;
import io.chorus.recorder.rtmp.RtmpEndpoint;
import io.chorus.signalling.conference.ConferenceException.Refusal;

/**
 * A room's recordings and broadcasts: started and stopped through the API (or automatically),
 * each one a sink of the room's mixer on its own worker, so a slow disk or a dead ingest server
 * costs the room nothing. Every state change is reported to the room's members.
 */
public final class RoomRecorders {
    private static final Logger LOG = LoggerFactory.getLogger(RoomRecorders.class);

    private final String roomId;
    private final RoomMixer mixer;
    private final Path directory;
    private final RecordingOptions options;
    private final BroadcastSettings broadcastSettings;
    private final int maxRecordings;
    private final int maxBroadcasts;
    private final long minFreeBytes;
    /** Recordings and broadcasts being started: they count against the limits before they exist. */
    private int recordingsStarting;
    private int broadcastsStarting;
    private final Consumer<RecordingStatus> onRecording;
    private final Consumer<BroadcastStatus> onBroadcast;
    private final Consumer<RoomEvent.ParticipantFilesFinished> onParticipantFiles;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<String, RoomRecording> recordings = new LinkedHashMap<>();
    private final Map<String, RtmpBroadcast> broadcasts = new LinkedHashMap<>();
    private final Map<String, BroadcastStatus> broadcastStates = new LinkedHashMap<>();
    /** Room recordings that also record each participant, with their participants' files. */
    private final Map<String, ParticipantFiles> participantFiles = new LinkedHashMap<>();
    /** The same, for the receive threads, which must not take this object's lock. */
    private volatile List<ParticipantFiles> activeParticipantFiles = List.of();

    /**
     * @param recordingBitrateBps the bitrate of the room's top tier when it has the canvas size, so
     *                            a WebM/MKV recording shares that tier's encoder instead of running its own;
     *                            0 to let the recorder choose
     */
    RoomRecorders(String roomId, RoomMixer mixer, RecordingSettings recording, BroadcastSettings broadcast,
            RoomLimits limits, int recordingBitrateBps, Consumer<RecordingStatus> onRecording,
            Consumer<BroadcastStatus> onBroadcast, Consumer<RoomEvent.ParticipantFilesFinished> onParticipantFiles) {
        this.roomId = roomId;
        this.mixer = mixer;
        this.directory = recording.directory();
        this.options = recording.options().withVideoBitrate(recordingBitrateBps);
        this.broadcastSettings = broadcast;
        this.maxRecordings = limits.maxRecordings();
        this.maxBroadcasts = limits.maxBroadcasts();
        this.minFreeBytes = recording.minFreeMegabytes() * 1024L * 1024L;
        this.onRecording = onRecording;
        this.onBroadcast = onBroadcast;
        this.onParticipantFiles = onParticipantFiles;
    }

    static RecordingFormat format(String name) throws ConferenceException {
        for (RecordingFormat f : RecordingFormat.values()) {
            if (f.extension().equals(name)) {
                return f;
            }
        }
        throw new ConferenceException(Refusal.INVALID_ARGUMENT, "'format' must be webm, mkv or mp4, got '" + name + "'");
    }

    /**
     * @param participants also record each participant's own media (see {@link ParticipantFiles})
     * @param members      the participants whose media is flowing now
     */
    RecordingStatus startRecording(RecordingFormat format, boolean participants, List<Participant> members)
            throws ConferenceException {
        synchronized (this) {
            if (recordings.size() + recordingsStarting >= maxRecordings) {
                throw new ConferenceException(Refusal.TOO_MANY_OUTPUTS, "room '" + roomId + "' already runs "
                        + maxRecordings + " recording(s), all it may (rooms.maxRecordings)");
            }
            recordingsStarting++;
        }
        try {
            return startRecordingWithinLimit(format, participants, members);
        } finally {
            synchronized (this) {
                recordingsStarting--;
            }
        }
    }

    private RecordingStatus startRecordingWithinLimit(RecordingFormat format, boolean participants,
            List<Participant> members) throws ConferenceException {
        String id = "r" + nextId.getAndIncrement();
        AtomicReference<RoomRecording> started = new AtomicReference<>();
        RoomRecording recording;
        try {
            // The configured directory is made on first use, so a fresh install records out of the box.
            Files.createDirectories(directory);
            long free = Files.getFileStore(directory).getUsableSpace();
            if (free < minFreeBytes) {
                LOG.warn("room {}: not starting a recording: {} has {} MB free, less than {} MB", roomId, directory,
                        free >> 20, minFreeBytes >> 20);
                throw new ConferenceException(Refusal.NO_DISK_SPACE, directory + " has " + (free >> 20)
                        + " MB free, less than the " + (minFreeBytes >> 20) + " MB a recording needs to start "
                        + "(recording.minFreeMegabytes)");
            }
            // The recorder reports only its end (finished or failed), always after start returned.
            recording = RoomRecording.start(mixer, directory, roomId, format, options, Clock.systemUTC(),
                    state -> onRecording.accept(info(id, format, started.get().file().getFileName().toString(),
                            state, started.get().durationMs())));
            started.set(recording);
        } catch (IOException | RuntimeException e) {
            LOG.warn("room {}: cannot start a {} recording in {}: {}", roomId, format, directory, e.getMessage());
            throw new ConferenceException(Refusal.RECORDING_FAILED, "cannot record to " + directory + ": "
                    + e.getMessage());
        }
        synchronized (this) {
            recordings.put(id, recording);
            if (participants) {
                ParticipantFiles files = new ParticipantFiles(directory, roomId,
                        format == RecordingFormat.MKV ? RecordingFormat.MKV : RecordingFormat.WEBM, options);
                members.forEach(files::add);
                participantFiles.put(id, files);
                activeParticipantFiles = List.copyOf(participantFiles.values());
            }
        }
        RecordingStatus info = info(id, recording);
        onRecording.accept(info);
        return info;
    }

    /** Finishes the file (and its participants' files) and forgets the recording; returns what they hold. */
    StoppedRecording stopRecording(String id) throws ConferenceException {
        RoomRecording recording;
        ParticipantFiles files;
        synchronized (this) {
            recording = recordings.remove(id);
            files = participantFiles.remove(id);
            activeParticipantFiles = List.copyOf(participantFiles.values());
        }
        if (recording == null) {
            throw new ConferenceException(Refusal.RECORDING_NOT_FOUND, "room '" + roomId + "' has no recording '"
                    + id + "'");
        }
        RecordingResult room = recording.stop();
        List<RecordingResult> participants = files == null ? List.of() : files.stopAll();
        if (!participants.isEmpty()) {
            onParticipantFiles.accept(new RoomEvent.ParticipantFilesFinished(id, room.file().getFileName().toString(),
                    participants));
        }
        return new StoppedRecording(room, participants);
    }

    /** A room recording's file and those of its participants. */
    public record StoppedRecording(RecordingResult room, List<RecordingResult> participants) {
    }

    /** A participant's media now flows: recordings that record participants start its file. */
    void participantStarted(Participant participant) {
        for (ParticipantFiles files : activeParticipantFiles) {
            files.add(participant);
        }
    }

    /** A participant left: its files are finished. */
    void participantLeft(Participant participant) {
        for (ParticipantFiles files : activeParticipantFiles) {
            files.stop(participant);
        }
    }

    BroadcastStatus startBroadcast(String url) throws ConferenceException {
        synchronized (this) {
            if (broadcasts.size() + broadcastsStarting >= maxBroadcasts) {
                throw new ConferenceException(Refusal.TOO_MANY_OUTPUTS, "room '" + roomId + "' already runs "
                        + maxBroadcasts + " broadcast(s), all it may (rooms.maxBroadcasts)");
            }
            broadcastsStarting++;
        }
        try {
            return startBroadcastWithinLimit(url);
        } finally {
            synchronized (this) {
                broadcastsStarting--;
            }
        }
    }

    private BroadcastStatus startBroadcastWithinLimit(String url) throws ConferenceException {
        String id = "b" + nextId.getAndIncrement();
        RtmpBroadcast broadcast;
        try {
            String masked = RtmpEndpoint.parse(url).toString();
            broadcast = RtmpBroadcast.start(mixer, id, url, broadcastSettings,
                    status -> broadcastChanged(new BroadcastStatus(id, masked,
                            status.state().name().toLowerCase(Locale.ROOT), status.detail(), status.failures())));
        } catch (IllegalArgumentException e) {
            throw new ConferenceException(Refusal.INVALID_ARGUMENT, e.getMessage());
        }
        synchronized (this) {
            broadcasts.put(id, broadcast);
            return broadcastStates.get(id);
        }
    }

    /** Stops pushing and forgets the broadcast; returns its last state. */
    BroadcastStatus stopBroadcast(String id) throws ConferenceException {
        RtmpBroadcast broadcast;
        synchronized (this) {
            broadcast = broadcasts.remove(id);
        }
        if (broadcast == null) {
            throw new ConferenceException(Refusal.BROADCAST_NOT_FOUND, "room '" + roomId + "' has no broadcast '"
                    + id + "'");
        }
        broadcast.stop();
        synchronized (this) {
            return broadcastStates.remove(id);
        }
    }

    private void broadcastChanged(BroadcastStatus info) {
        synchronized (this) {
            broadcastStates.put(info.id(), info);
        }
        onBroadcast.accept(info);
    }

    synchronized List<RecordingStatus> recordings() {
        List<RecordingStatus> list = new ArrayList<>();
        recordings.forEach((id, r) -> list.add(info(id, r)));
        return list;
    }

    synchronized List<BroadcastStatus> broadcasts() {
        List<BroadcastStatus> list = new ArrayList<>();
        for (String id : broadcasts.keySet()) {
            list.add(broadcastStates.get(id));
        }
        return list;
    }

    synchronized boolean isEmpty() {
        return recordings.isEmpty() && broadcasts.isEmpty();
    }

    /** The room is closing: finish every file and end every broadcast. */
    void stopAll() {
        List<String> recordingIds;
        List<String> broadcastIds;
        synchronized (this) {
            recordingIds = new ArrayList<>(recordings.keySet());
            broadcastIds = new ArrayList<>(broadcasts.keySet());
        }
        for (String id : recordingIds) {
            try {
                StoppedRecording result = stopRecording(id);
                LOG.info("room {}: recording {} finished with the room: {}", roomId, id, result.room());
            } catch (ConferenceException e) {
                LOG.debug("room {}: recording {} was stopped meanwhile", roomId, id);
            }
        }
        for (String id : broadcastIds) {
            try {
                stopBroadcast(id);
            } catch (ConferenceException e) {
                LOG.debug("room {}: broadcast {} was stopped meanwhile", roomId, id);
            }
        }
    }

    private RecordingStatus info(String id, RoomRecording recording) {
        return info(id, recording.format(), recording.file().getFileName().toString(), recording.state(),
                recording.durationMs());
    }

    private static RecordingStatus info(String id, RecordingFormat format, String file, RecordingState state,
            long durationMs) {
        return new RecordingStatus(id, format.extension(), file, state.phase().name().toLowerCase(Locale.ROOT),
                durationMs, state.message());
    }
}
