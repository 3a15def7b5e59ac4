package io.chorus.recorder.file;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.recorder.mux.MuxStream;
import io.chorus.recorder.mux.Muxer;
import io.chorus.recorder.sink.MediaItem;
import io.chorus.recorder.sink.SinkQueue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one participant's incoming audio and video as they arrived, remuxed without re-encoding
 * into WebM or Matroska (VP8 + Opus, or Opus alone).
 *
 * <p>Times are on the room clock: the caller passes each frame's arrival instant on that clock, and
 * the frame's RTP timestamp is mapped onto it ({@link SenderTimeline}), so the files of several
 * participants of one room share a time line: a file's first frame sits at its room time, taken
 * relative to {@code roomOriginNanos}. Video starts at a key frame: until one arrives video frames are
 * dropped and {@code keyFrameRequest} is run (the caller asks the sender with a PLI); audio before it
 * is dropped too. {@code onVideo}/{@code onAudio} never block: frames queue for a worker thread.
 */
public final class ParticipantRecording {
    private static final Logger LOG = LoggerFactory.getLogger(ParticipantRecording.class);
    private static final int OPUS_CHANNELS = 2;

    private final Path file;
    private final long roomOriginNanos;
    private final Runnable keyFrameRequest;
    private final ReportedState state;
    private final Muxer muxer;
    private final DiskSync sync;
    private final int videoStream;
    private final int audioStream;
    private final Duration stopTimeout;
    private final SinkQueue<Arrival> queue;
    private final SenderTimeline videoTimeline = new SenderTimeline(MuxStream.VIDEO_CLOCK);
    private final SenderTimeline audioTimeline = new SenderTimeline(MuxStream.AUDIO_CLOCK);
    private boolean keyFrameSeen;
    private volatile long endNanos;
    private RecordingResult result;

    private record Arrival(boolean video, EncodedFrame frame, long roomClockNanos) implements MediaItem {
    }

    private ParticipantRecording(Path file, VideoCodec videoCodec, RecordingFormat format, long roomOriginNanos,
            Runnable keyFrameRequest, Consumer<RecordingState> onState, RecordingOptions options) {
        this.file = file;
        this.roomOriginNanos = roomOriginNanos;
        this.keyFrameRequest = keyFrameRequest;
        this.state = new ReportedState(onState);
        List<MuxStream> streams = new ArrayList<>();
        if (videoCodec != null) {
            streams.add(MuxStream.vp8());
        }
        streams.add(MuxStream.opus(OPUS_CHANNELS));
        this.videoStream = videoCodec == null ? -1 : 0;
        this.audioStream = streams.size() - 1;
        this.keyFrameSeen = videoCodec == null;
        this.muxer = new Muxer(RecordingFiles.url(file), format.muxer(), streams,
                format.muxerOptions(options.fragmentLength()), RecordingFiles.FILE_ONLY);
        try {
            this.sync = DiskSync.open(file, options.fragmentLength(), options.syncToDisk());
        } catch (RuntimeException e) {
            muxer.close();
            throw e;
        }
        String stem = file.getFileName().toString();
        this.stopTimeout = options.stopTimeout();
        this.queue = new SinkQueue<>("participant:" + stem, MediaItem.queue(options.queueCapacity(), keyFrameRequest), this::write,
                this::failed);
    }

    /**
     * Creates {@code <roomId>-<participantId>-<UTC start>.<ext>} in {@code directory} and starts.
     *
     * @param videoCodec      VP8, or null when the participant sends audio only
     * @param format          WEBM or MKV
     * @param options         the queue and fragment length (its bitrates do not apply: nothing is re-encoded)
     * @param roomOriginNanos the room-clock instant that is time 0 in the file (the same for every
     *                        participant file of one recording session, so they line up)
     * @param keyFrameRequest runs (on the worker) while video waits for a key frame
     * @throws IllegalArgumentException for ids outside [A-Za-z0-9_-], MP4, or H.264 video
     * @throws java.io.UncheckedIOException when the file cannot be created
     */
    public static ParticipantRecording start(Path directory, String roomId, String participantId, VideoCodec videoCodec,
            RecordingFormat format, RecordingOptions options, long roomOriginNanos, Runnable keyFrameRequest,
            Clock clock, Consumer<RecordingState> onState) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(keyFrameRequest, "keyFrameRequest");
        Objects.requireNonNull(onState, "onState");
        if (format == RecordingFormat.MP4) {
            throw new IllegalArgumentException("participant recordings keep the browser's codecs: webm or mkv, not mp4");
        }
        if (videoCodec == VideoCodec.H264) {
            // The container needs the picture size before the first packet, and only VP8's is read from its key frame here.
            throw new IllegalArgumentException("participant recordings support VP8 video (or audio only), not " + videoCodec);
        }
        if (participantId == null || !RecordingFiles.SAFE_NAME.matcher(participantId).matches()) {
            throw new IllegalArgumentException("participant id must be 1-100 characters of [A-Za-z0-9_-]: " + participantId);
        }
        Path file = RecordingFiles.reserve(directory, roomId + "-" + participantId, format.extension(), clock);
        try {
            return new ParticipantRecording(file, videoCodec, format, roomOriginNanos, keyFrameRequest, onState, options);
        } catch (RuntimeException e) {
            RecordingFiles.deleteIfEmpty(file);
            throw e;
        }
    }

    /** A complete video frame from the participant, with its arrival instant on the room clock. */
    public void onVideo(EncodedFrame frame, long roomClockNanos) {
        if (videoStream >= 0) {
            queue.offer(new Arrival(true, frame, roomClockNanos));
        }
    }

    /** One Opus packet from the participant, with its arrival instant on the room clock. */
    public void onAudio(EncodedFrame frame, long roomClockNanos) {
        queue.offer(new Arrival(false, frame, roomClockNanos));
    }

    public Path file() {
        return file;
    }

    public RecordingState state() {
        return state.current();
    }

    public long dropped() {
        return queue.dropped();
    }

    /** Writes what is queued and finishes the file. Idempotent. */
    public synchronized RecordingResult stop() {
        if (result != null) {
            return result;
        }
        if (!queue.close(stopTimeout)) {
            // The worker may still be inside a native write: close the muxer only once it has left.
            queue.afterWorker(this::closeMuxerQuietly);
            state.change(RecordingState.failed("the writer did not finish within " + stopTimeout.toMillis()
                    + " ms (a stalled disk?); the file ends at its last complete cluster"));
        } else if (state.current().phase() == RecordingState.Phase.RECORDING) {
            RecordingState end;
            try {
                boolean started = muxer.started();
                muxer.close();
                sync.syncNow();
                end = started ? RecordingState.FINISHED : RecordingState.failed("nothing recorded: no video key frame arrived before stop");
            } catch (RuntimeException e) {
                end = RecordingState.failed(RecordingFiles.message(e));
            } finally {
                sync.close();
            }
            if (end.phase() == RecordingState.Phase.FAILED) {
                RecordingFiles.deleteIfEmpty(file);
            }
            state.change(end);
        }
        result = new RecordingResult(file, endNanos / 1_000_000, RecordingFiles.size(file), state.current());
        LOG.info("participant recording {} {} ({} ms, {} frames dropped, {})", file, result.state(), result.durationMs(),
                dropped(), sync.describe());
        return result;
    }

    private void write(Arrival arrival) {
        EncodedFrame frame = arrival.frame();
        if (arrival.video()) {
            long room = videoTimeline.roomNanos(frame.timestamp(), arrival.roomClockNanos());
            if (!keyFrameSeen) {
                if (!frame.keyFrame()) {
                    keyFrameRequest.run();
                    return;
                }
                keyFrameSeen = true;
            }
            write(videoStream, frame, room, MuxStream.VIDEO_CLOCK);
        } else {
            long room = audioTimeline.roomNanos(frame.timestamp(), arrival.roomClockNanos());
            if (keyFrameSeen) {
                write(audioStream, frame, room, MuxStream.AUDIO_CLOCK);
            }
        }
    }

    private void write(int stream, EncodedFrame frame, long roomNanos, int clockRate) {
        long fileNanos = roomNanos - roomOriginNanos;
        if (fileNanos < 0) {
            return;
        }
        muxer.write(stream, frame.data(), fileNanos * clockRate / 1_000_000_000L, frame.keyFrame() || stream == audioStream);
        // Clusters start at video key frames, or at any packet of a file without video.
        sync.afterWrite(stream == videoStream ? frame.keyFrame() : videoStream < 0);
        endNanos = Math.max(endNanos, fileNanos);
    }

    private void failed(Throwable error) {
        LOG.warn("participant recording {} failed: {}", file, RecordingFiles.message(error));
        closeMuxerQuietly();
        state.change(RecordingState.failed(RecordingFiles.message(error)));
    }

    private void closeMuxerQuietly() {
        try {
            muxer.close();
        } catch (RuntimeException e) {
            LOG.debug("closing {} after a failure: {}", file, e.getMessage());
        }
        sync.close();
    }
}
