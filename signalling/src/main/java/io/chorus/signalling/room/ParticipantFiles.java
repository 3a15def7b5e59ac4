package io.chorus.signalling.room;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.recorder.file.ParticipantRecording;
import io.chorus.recorder.file.RecordingFormat;
import io.chorus.recorder.file.RecordingResult;

/**
 * The per-participant files of one room recording: each participant's incoming audio and video,
 * remuxed without re-encoding, on a time line shared by all of them (the recording's start). A
 * participant who joins later gets a file from its join; one who leaves has its file finished.
 * H.264 senders are recorded audio-only: the remuxer reads a picture size only from VP8 key frames.
 */
final class ParticipantFiles {
    private static final Logger LOG = LoggerFactory.getLogger(ParticipantFiles.class);

    private final Path directory;
    private final String roomId;
    private final RecordingFormat format;
    private final Consumer<String> keyFrameRequester;
    private final long originNanos = System.nanoTime();
    private final Map<String, ParticipantRecording> active = new LinkedHashMap<>();
    private final List<RecordingResult> finished = new ArrayList<>();
    private volatile Map<String, ParticipantRecording> published = Map.of();

    /** @param keyFrameRequester asks a participant's browser for a key frame (a file starts at one) */
    ParticipantFiles(Path directory, String roomId, RecordingFormat format, Consumer<String> keyFrameRequester) {
        this.directory = directory;
        this.roomId = roomId;
        this.format = format;
        this.keyFrameRequester = keyFrameRequester;
    }

    synchronized void add(String participantId, VideoCodec codec) {
        if (active.containsKey(participantId)) {
            return;
        }
        VideoCodec recorded = codec == VideoCodec.VP8 ? VideoCodec.VP8 : null;
        if (codec != null && recorded == null) {
            LOG.warn("room {}: {} sends {}; its own recording keeps its audio only", roomId, participantId, codec);
        }
        try {
            active.put(participantId, ParticipantRecording.start(directory, roomId, participantId, recorded, format,
                    originNanos, () -> keyFrameRequester.accept(participantId), Clock.systemUTC(),
                    state -> LOG.info("room {}: {}'s recording: {}", roomId, participantId, state)));
        } catch (RuntimeException e) {
            LOG.error("room {}: cannot record {}: {}", roomId, participantId, e.getMessage());
        }
        published = Map.copyOf(active);
    }

    void frame(String participantId, boolean video, EncodedFrame frame, long nowNanos) {
        ParticipantRecording recording = published.get(participantId);
        if (recording != null) {
            if (video) {
                recording.onVideo(frame, nowNanos);
            } else {
                recording.onAudio(frame, nowNanos);
            }
        }
    }

    synchronized void stop(String participantId) {
        ParticipantRecording recording = active.remove(participantId);
        if (recording != null) {
            published = Map.copyOf(active);
            finished.add(recording.stop());
        }
    }

    /** Finishes every file; returns all of this recording's participant files. */
    synchronized List<RecordingResult> stopAll() {
        for (String id : new ArrayList<>(active.keySet())) {
            stop(id);
        }
        return List.copyOf(finished);
    }
}
