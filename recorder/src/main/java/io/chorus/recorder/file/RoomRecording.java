package io.chorus.recorder.file;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.output.VideoProfile;
import io.chorus.mixer.room.RoomMixer;
import io.chorus.mixer.room.RoomMixerConfig;
import io.chorus.recorder.audio.OpusToAac;
import io.chorus.recorder.mux.MuxStream;
import io.chorus.recorder.mux.Muxer;
import io.chorus.recorder.mux.RoomTimeline;
import io.chorus.recorder.sink.MediaItem;
import io.chorus.recorder.sink.SinkQueue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a room's composite and its full audio mix into one file.
 *
 * <p>The recorder subscribes to the mixer like a receiver that is not a participant (so it hears
 * everyone). The mixer calls it on its tick threads, where it only queues the frame; a
 * {@link SinkQueue} worker does all muxing, AAC encoding and file I/O, so a slow or full disk never
 * delays the room. When the queue is full, frames are dropped and counted ({@link #dropped()}).
 *
 * <p>Timing: both mixer clocks count from the room's one media clock origin (video 90 kHz, audio
 * 48 kHz), so a frame's timestamp divided by its clock rate is its position in the room's time.
 * Both go on one {@link RoomTimeline}: unwrapped apart, the two 32-bit clocks (which wrap at 13.3 h
 * and 24.9 h) would put a recording of a room older than 13 hours out of sync. The file starts at the first video key frame; every packet's time is its room time minus that
 * origin. No arrival time or wall clock is involved, which is what keeps audio and video in sync.
 * Each key frame schedules the next {@link #KEY_FRAME_INTERVAL_TICKS} of video time later, so files
 * are seekable and MP4 fragments start cleanly.
 *
 * <p>Failure (disk full, file removed, codec error) ends the recording {@link RecordingState.Phase#FAILED}
 * with the error's message; it unsubscribes from the mixer and the room carries on.
 */
public final class RoomRecording {
    private static final Logger LOG = LoggerFactory.getLogger(RoomRecording.class);
    /** Two seconds of the 90 kHz video clock. */
    static final long KEY_FRAME_INTERVAL_TICKS = 2 * MuxStream.VIDEO_CLOCK;
    private static final int VIDEO = 0;
    private static final int AUDIO = 1;

    private final RoomMixer mixer;
    private final String id;
    private final Path file;
    private final RecordingFormat format;
    private final ReportedState state;
    private final Muxer muxer;
    private final DiskSync sync;
    private final OpusToAac aac;
    private final Duration stopTimeout;
    private final SinkQueue<Packet> queue;
    private final RoomTimeline timeline = new RoomTimeline();
    private long originUnits = Long.MIN_VALUE;
    private volatile long endVideoTicks;
    private volatile long endAudioTicks;
    private RecordingResult result;

    private record Packet(int stream, EncodedFrame frame) implements MediaItem {
        @Override
        public boolean video() {
            return stream == VIDEO;
        }
    }

    private RoomRecording(RoomMixer mixer, Path file, RecordingFormat format, RecordingOptions options,
            Consumer<RecordingState> onState) {
        this.mixer = mixer;
        this.file = file;
        this.format = format;
        this.state = new ReportedState(onState);
        String stem = file.getFileName().toString();
        this.id = "recording:" + (stem.lastIndexOf('.') > 0 ? stem.substring(0, stem.lastIndexOf('.')) : stem);
        RoomMixerConfig room = mixer.config();
        this.stopTimeout = options.stopTimeout();
        this.aac = format.aacAudio() ? new OpusToAac(options.aacBitrateBps()) : null;
        Muxer opened = null;
        try {
            MuxStream audio = aac != null ? MuxStream.aac(aac.audioSpecificConfig()) : MuxStream.opus(1);
            opened = new Muxer(RecordingFiles.url(file), format.muxer(),
                    List.of(MuxStream.video(format.videoCodec(), room.canvasWidth(), room.canvasHeight()), audio),
                    format.muxerOptions(options.fragmentLength()), RecordingFiles.FILE_ONLY);
            this.sync = DiskSync.open(file, options.fragmentLength(), options.syncToDisk());
        } catch (RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            if (aac != null) {
                aac.close();
            }
            throw e;
        }
        this.muxer = opened;
        this.queue = new SinkQueue<>(id, MediaItem.queue(options.queueCapacity(), () -> mixer.requestKeyFrame(id)),
                this::write, this::failed);
        try {
            VideoProfile profile = new VideoProfile(format.videoCodec(), room.canvasWidth(), room.canvasHeight(),
                    options.videoBitrateBps(room));
            mixer.subscribeVideo(id, profile, frame -> queue.offer(new Packet(VIDEO, frame)));
            mixer.subscribeAudio(id, frame -> queue.offer(new Packet(AUDIO, frame)));
        } catch (RuntimeException e) {
            // A closed mixer or a refused profile: the writer thread, the muxer and the encoder go too.
            mixer.unsubscribe(id);
            queue.close();
            closeNative();
            throw e;
        }
        mixer.requestKeyFrame(id);
    }

    /** Starts recording with {@link RecordingOptions#defaults()}; see the other overload. */
    public static RoomRecording start(RoomMixer mixer, Path directory, String roomId, RecordingFormat format, Clock clock,
            Consumer<RecordingState> onState) {
        return start(mixer, directory, roomId, format, RecordingOptions.defaults(), clock, onState);
    }

    /**
     * Creates {@code <roomId>-<UTC start>.<ext>} in {@code directory} and starts recording into it.
     *
     * @param onState called when the recording ends (FINISHED or FAILED), on the thread that ended it
     * @throws IllegalArgumentException when the room id has characters outside [A-Za-z0-9_-]
     * @throws java.io.UncheckedIOException when the file cannot be created (missing or unwritable directory)
     * @throws io.chorus.mixer.codec.FfmpegException when FFmpeg cannot open it
     */
    public static RoomRecording start(RoomMixer mixer, Path directory, String roomId, RecordingFormat format,
            RecordingOptions options, Clock clock, Consumer<RecordingState> onState) {
        Objects.requireNonNull(mixer, "mixer");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(onState, "onState");
        Path file = RecordingFiles.reserve(directory, roomId, format.extension(), clock);
        return startAt(mixer, file, format, options, onState);
    }

    /** Records into an existing path; tests use it to record onto a device that fails (/dev/full). */
    static RoomRecording startAt(RoomMixer mixer, Path file, RecordingFormat format, RecordingOptions options,
            Consumer<RecordingState> onState) {
        try {
            RoomRecording recording = new RoomRecording(mixer, file, format, options, onState);
            LOG.info("room {}: recording {} to {}", mixer.roomId(), format, file);
            return recording;
        } catch (RuntimeException e) {
            RecordingFiles.deleteIfEmpty(file);
            throw e;
        }
    }

    /** The id the recorder subscribes to the mixer with (also names its worker thread). */
    public String id() {
        return id;
    }

    public Path file() {
        return file;
    }

    public RecordingFormat format() {
        return format;
    }

    public RecordingState state() {
        return state.current();
    }

    /** Frames dropped because the writer fell behind (queue full) or after a failure. */
    public long dropped() {
        return queue.dropped();
    }

    /** How many times the file was synced to disk so far (read after {@link #stop}). */
    long diskSyncs() {
        return sync.syncs();
    }

    /** Media time recorded so far, in milliseconds. */
    public long durationMs() {
        return Math.max(endVideoTicks * 1000 / MuxStream.VIDEO_CLOCK, endAudioTicks * 1000 / MuxStream.AUDIO_CLOCK);
    }

    /**
     * Stops: leaves the mixer, writes what is queued, finishes the file (trailer, index). Idempotent;
     * after a failure it returns the failed state and what the file holds.
     */
    public synchronized RecordingResult stop() {
        if (result != null) {
            return result;
        }
        mixer.unsubscribe(id);
        if (!queue.close(stopTimeout)) {
            // The worker may still be inside a native write: free the muxer only once it has left.
            queue.afterWorker(this::closeNative);
            state.change(RecordingState.failed("the writer did not finish within " + stopTimeout.toMillis()
                    + " ms (a stalled disk?); the file ends at its last complete cluster"));
        } else if (state.current().phase() == RecordingState.Phase.RECORDING) {
            finish();
        }
        result = new RecordingResult(file, durationMs(), RecordingFiles.size(file), state.current());
        LOG.info("room {}: recording {} {} ({} ms, {} bytes, {} frames dropped, {})", mixer.roomId(), file,
                result.state(), result.durationMs(), result.bytes(), dropped(), sync.describe());
        return result;
    }

    /** Runs on the caller of stop() once the worker has finished, so the muxer has one user at a time. */
    private void finish() {
        RecordingState end;
        try {
            if (aac != null && muxer.started()) {
                for (EncodedFrame frame : aac.flush()) {
                    writeAudio(frame.data(), frame.timestamp());
                }
            }
            end = muxer.started() ? RecordingState.FINISHED
                    : RecordingState.failed("nothing recorded: no video key frame arrived before stop");
            muxer.close();
            sync.syncNow();
        } catch (RuntimeException e) {
            end = RecordingState.failed(RecordingFiles.message(e));
        } finally {
            closeNative();
        }
        if (end.phase() == RecordingState.Phase.FAILED && !muxer.started()) {
            RecordingFiles.deleteIfEmpty(file);
        }
        state.change(end);
    }

    /** Sink worker: one frame from the mixer. */
    private void write(Packet packet) {
        EncodedFrame frame = packet.frame();
        if (packet.stream() == VIDEO) {
            long units = timeline.video(frame.timestamp());
            if (originUnits == Long.MIN_VALUE) {
                if (!frame.keyFrame()) {
                    mixer.requestKeyFrame(id);
                    return;
                }
                originUnits = units;
            }
            long pts = (units - originUnits) / RoomTimeline.UNITS_PER_VIDEO_TICK;
            if (frame.keyFrame()) {
                mixer.scheduleKeyFrame(id, frame.timestamp() + KEY_FRAME_INTERVAL_TICKS);
            }
            muxer.write(VIDEO, frame.data(), pts, frame.keyFrame());
            sync.afterWrite(frame.keyFrame());
            endVideoTicks = pts;
        } else {
            long units = timeline.audio(frame.timestamp());
            if (originUnits == Long.MIN_VALUE) {
                return;
            }
            long pts = Math.floorDiv(units - originUnits, RoomTimeline.UNITS_PER_AUDIO_TICK);
            if (pts < 0) {
                return;
            }
            if (aac == null) {
                writeAudio(frame.data(), pts);
            } else {
                for (EncodedFrame encoded : aac.transcode(frame.data(), pts)) {
                    writeAudio(encoded.data(), encoded.timestamp());
                }
            }
        }
    }

    private void writeAudio(byte[] data, long pts) {
        if (pts >= 0) {
            muxer.write(AUDIO, data, pts, true);
            endAudioTicks = pts;
        }
    }

    /** Sink worker: the handler threw; the queue refuses further frames. */
    private void failed(Throwable error) {
        LOG.warn("room {}: recording {} failed: {}", mixer.roomId(), file, RecordingFiles.message(error));
        mixer.unsubscribe(id);
        closeNative();
        state.change(RecordingState.failed(RecordingFiles.message(error)));
    }

    private void closeNative() {
        try {
            muxer.close();
        } catch (RuntimeException e) {
            LOG.debug("closing {} after a failure: {}", file, e.getMessage());
        }
        sync.close();
        if (aac != null) {
            aac.close();
        }
    }
}
