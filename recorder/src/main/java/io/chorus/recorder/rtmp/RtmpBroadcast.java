package io.chorus.recorder.rtmp;

import io.chorus.core.retry.Backoff;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.codec.FfmpegException;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.codec.VideoEncoder;
import io.chorus.mixer.output.VideoProfile;
import io.chorus.mixer.room.RoomMixer;
import io.chorus.recorder.audio.OpusToAac;
import io.chorus.recorder.mux.RoomTimeline;
import io.chorus.recorder.sink.MediaItem;
import io.chorus.recorder.sink.SinkQueue;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a room's composite (H.264 at the canvas size) and full audio mix (AAC) as FLV to an RTMP or
 * RTMPS ingest server, e.g. YouTube Live or Twitch.
 *
 * <p>The mixer's tick threads only queue frames; connecting, AAC encoding and sending run on the
 * broadcast's own worker, so a slow or dead server never delays the room or its other outputs
 * (when the queue is full its video skips to a key frame asked of the mixer; drops are counted).
 *
 * <p>States: CONNECTING until the first connection carries the first key frame, then LIVE. A failed
 * connect or send moves to RECONNECTING and retries after {@code Backoff}'s wait (by default
 * 1 s, doubling, at most 30 s), starting each new connection at a fresh key frame it asks the mixer for;
 * it retries until {@link #stop()}: an ingest server may be down for maintenance for minutes and the
 * owner, not a guess here, decides when to give up. A malformed URL is refused by {@link #start}; a
 * fault retrying cannot fix (the AAC encoder failing) ends the broadcast FAILED.
 */
public final class RtmpBroadcast implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RtmpBroadcast.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** About four seconds of audio and video: enough to ride out a connect that blocks for a while. */
    private static final int QUEUE_CAPACITY = 256;

    private final String id;
    private final String receiverId;
    private final RoomMixer mixer;
    private final RtmpEndpoint endpoint;
    private final BroadcastSettings settings;
    private final int width;
    private final int height;
    private final BroadcastStateMachine states;
    private final SinkQueue<Media> queue;

    // Worker-thread state from here on.
    private final RoomTimeline timeline = new RoomTimeline();
    private final Backoff backoff;
    private final OpusToAac audio;
    private FlvConnection connection;
    private long retryAtNanos;
    private boolean keyFrameRequested;
    private long keyFrameRequestedUnits;

    private record Media(boolean video, EncodedFrame frame) implements MediaItem {
    }

    private RtmpBroadcast(RoomMixer mixer, String id, RtmpEndpoint endpoint, BroadcastSettings settings,
            BroadcastListener listener) {
        this.id = id;
        this.receiverId = "broadcast-" + id;
        this.mixer = mixer;
        this.endpoint = endpoint;
        this.settings = settings;
        this.width = mixer.config().canvasWidth();
        this.height = mixer.config().canvasHeight();
        this.states = new BroadcastStateMachine(id + " to " + endpoint, listener);
        this.audio = new OpusToAac(settings.audioBitrateBps());
        this.backoff = settings.backoff();
        this.queue = new SinkQueue<>(receiverId, MediaItem.queue(QUEUE_CAPACITY, () -> mixer.requestKeyFrame(receiverId)),
                this::handle, this::fail);
    }

    /**
     * Starts broadcasting {@code mixer}'s room to {@code url}; returns at once (CONNECTING).
     *
     * @param id       names the broadcast ([A-Za-z0-9_-], up to 64); the mixer receiver is "broadcast-" + id
     * @param url      rtmp://host[:port]/app/streamKey or rtmps://...
     * @param listener told of every state change, in order
     * @throws IllegalArgumentException for a malformed id or URL, or a scheme this FFmpeg cannot speak
     */
    public static RtmpBroadcast start(RoomMixer mixer, String id, String url, BroadcastSettings settings,
            BroadcastListener listener) {
        Objects.requireNonNull(mixer, "mixer");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(listener, "listener");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("broadcast id must match " + ID + ": " + id);
        }
        RtmpEndpoint endpoint = RtmpEndpoint.parse(url);
        VideoProfile profile = new VideoProfile(VideoCodec.H264, mixer.config().canvasWidth(),
                mixer.config().canvasHeight(), settings.videoBitrateBps());
        RtmpBroadcast broadcast = new RtmpBroadcast(mixer, id, endpoint, settings, listener);
        broadcast.states.announce();
        try {
            mixer.subscribeVideo(broadcast.receiverId, profile, frame -> broadcast.queue.offer(new Media(true, frame)));
            mixer.subscribeAudio(broadcast.receiverId, frame -> broadcast.queue.offer(new Media(false, frame)));
        } catch (RuntimeException e) {
            broadcast.stop();
            throw e;
        }
        LOG.info("broadcast {} of room {} to {} started ({})", id, mixer.roomId(), endpoint, profile);
        return broadcast;
    }

    public String id() {
        return id;
    }

    /** The ingest URL with its stream key masked. */
    public String target() {
        return endpoint.toString();
    }

    public BroadcastStatus status() {
        return states.current();
    }

    /** Frames dropped because the worker was behind (connecting, or a slow link). */
    public long dropped() {
        return queue.dropped();
    }

    /**
     * Leaves the room, lets the worker send what is queued and closes the connection; ends STOPPED
     * (unless it had FAILED). Blocks for at most about twice the I/O timeout. Idempotent.
     */
    public void stop() {
        mixer.unsubscribe(receiverId);
        if (!queue.close(settings.ioTimeout().multipliedBy(2))) {
            // The worker is stuck in a native call FFmpeg did not time out; freeing its muxer under it would crash.
            LOG.warn("broadcast {}: worker still blocked after {}; its connection is left to it", id,
                    settings.ioTimeout().multipliedBy(2));
            states.moveTo(BroadcastStatus.of(BroadcastState.STOPPED, "stopped while the connection was blocked"));
            return;
        }
        closeConnection();
        audio.close();
        states.moveTo(BroadcastStatus.of(BroadcastState.STOPPED, ""));
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(Media media) {
        EncodedFrame frame = media.frame();
        if (media.video()) {
            handleVideo(frame, timeline.video(frame.timestamp()));
        } else {
            // Encoded whether connected or not: the AAC encoder needs an unbroken input.
            long units = timeline.audio(frame.timestamp());
            for (EncodedFrame encoded : audio.transcode(frame.data(), Math.floorDiv(units, RoomTimeline.UNITS_PER_AUDIO_TICK))) {
                TimedPacket aac = new TimedPacket(encoded.data(), encoded.timestamp() * RoomTimeline.UNITS_PER_AUDIO_TICK, true);
                if (connection != null) {
                    send(() -> connection.audio(aac));
                }
            }
        }
    }

    private void handleVideo(EncodedFrame frame, long units) {
        if (connection == null) {
            if (System.nanoTime() - retryAtNanos < 0) {
                return;
            }
            if (!frame.keyFrame()) {
                askForKeyFrame(units);
                return;
            }
            connect(frame, units);
            return;
        }
        if (frame.keyFrame()) {
            keyFrameSeen(frame);
        }
        send(() -> connection.video(frame.data(), units, frame.keyFrame()));
    }

    private void connect(EncodedFrame keyFrame, long units) {
        try {
            connection = FlvConnection.open(endpoint, width, height, audio.audioSpecificConfig(), settings.ioTimeout(),
                    keyFrame.data(), units);
        } catch (FfmpegException e) {
            connectionLost(e);
            return;
        }
        keyFrameSeen(keyFrame);
        backoff.onSuccess();
        states.moveTo(BroadcastStatus.of(BroadcastState.LIVE, ""));
    }

    /**
     * Schedules the next key frame by media time, which the mixer honours on the frame stamped then,
     * however many frames this worker is behind; asking on seeing a frame past the interval would
     * land as late again as the backlog (2.7 s gaps under CI load instead of the 2 s ingest wants).
     */
    private void keyFrameSeen(EncodedFrame keyFrame) {
        keyFrameRequested = false;
        mixer.scheduleKeyFrame(receiverId, keyFrame.timestamp()
                + settings.keyFrameInterval().toMillis() * VideoEncoder.RTP_VIDEO_CLOCK / 1000);
    }

    private void send(Runnable write) {
        try {
            write.run();
        } catch (FfmpegException e) {
            connectionLost(e);
        }
    }

    private void connectionLost(FfmpegException e) {
        closeConnection();
        Duration wait = backoff.onFailure();
        retryAtNanos = System.nanoTime() + wait.toNanos();
        keyFrameRequested = false;
        states.moveTo(new BroadcastStatus(BroadcastState.RECONNECTING, e.getMessage(), backoff.failures(), wait));
    }

    /**
     * The mixer keeps one pending request until its encoder honours it, so asking on every frame
     * would add nothing; asking again after an interval covers a request lost to an encoder reopening.
     */
    private void askForKeyFrame(long units) {
        if (!keyFrameRequested || units - keyFrameRequestedUnits >= toUnits(settings.keyFrameInterval())) {
            mixer.requestKeyFrame(receiverId);
            keyFrameRequested = true;
            keyFrameRequestedUnits = units;
        }
    }

    private void fail(Throwable e) {
        LOG.error("broadcast {} failed", id, e);
        mixer.unsubscribe(receiverId);
        closeConnection();
        audio.close();
        states.moveTo(BroadcastStatus.of(BroadcastState.FAILED, endpoint.redact(e.getMessage())));
    }

    private void closeConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private static long toUnits(Duration duration) {
        return duration.toMillis() * (RoomTimeline.UNITS_PER_SECOND / 1000);
    }
}
