package io.chorus.signalling.conference;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chorus.core.rtp.MediaKind;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.recorder.file.ParticipantRecording;
import io.chorus.recorder.file.RecordingFormat;
import io.chorus.recorder.file.RecordingOptions;
import io.chorus.recorder.file.RecordingResult;

/**
 * The per-participant files of one room recording: each participant's incoming audio and video,
 * remuxed without re-encoding, on a time line shared by all of them (the recording's start). Each
 * file taps its participant's frames directly. A participant who joins later gets a file from its
 * join; one who leaves has its file finished. H.264 senders are recorded audio-only: the remuxer
 * reads a picture size only from VP8 key frames.
 */
final class ParticipantFiles {
    private static final Logger LOG = LoggerFactory.getLogger(ParticipantFiles.class);

    private final Path directory;
    private final String roomId;
    private final RecordingFormat format;
    private final RecordingOptions options;
    private final long originNanos = System.nanoTime();
    private final Map<Participant, Tapped> active = new LinkedHashMap<>();
    private final List<RecordingResult> finished = new ArrayList<>();

    private record Tapped(ParticipantRecording recording, MediaTap tap) {
    }

    ParticipantFiles(Path directory, String roomId, RecordingFormat format, RecordingOptions options) {
        this.directory = directory;
        this.roomId = roomId;
        this.format = format;
        this.options = options;
    }

    synchronized void add(Participant participant) {
        if (active.containsKey(participant)) {
            return;
        }
        VideoCodec codec = participant.videoCodec();
        VideoCodec recorded = codec == VideoCodec.VP8 ? VideoCodec.VP8 : null;
        if (codec != null && recorded == null) {
            LOG.warn("room {}: {} sends {}; its own recording keeps its audio only", roomId, participant.id(), codec);
        }
        ParticipantRecording recording;
        try {
            // A file starts at a key frame, so the recording asks the participant's client for one.
            recording = ParticipantRecording.start(directory, roomId, participant.id(), recorded, format, options,
                    originNanos,
                    participant::requestKeyFrameFromClient, Clock.systemUTC(),
                    state -> LOG.info("room {}: {}'s recording: {}", roomId, participant.id(), state));
        } catch (RuntimeException e) {
            LOG.error("room {}: cannot record {}: {}", roomId, participant.id(), e.getMessage());
            return;
        }
        MediaTap tap = (kind, frame, receivedNanos) -> {
            if (kind == MediaKind.VIDEO) {
                recording.onVideo(frame, receivedNanos);
            } else {
                recording.onAudio(frame, receivedNanos);
            }
        };
        active.put(participant, new Tapped(recording, tap));
        participant.addTap(tap);
    }

    synchronized void stop(Participant participant) {
        Tapped tapped = active.remove(participant);
        if (tapped != null) {
            participant.removeTap(tapped.tap());
            finished.add(tapped.recording().stop());
        }
    }

    /** Finishes every file; returns all of this recording's participant files. */
    synchronized List<RecordingResult> stopAll() {
        for (Participant p : new ArrayList<>(active.keySet())) {
            stop(p);
        }
        return List.copyOf(finished);
    }
}
