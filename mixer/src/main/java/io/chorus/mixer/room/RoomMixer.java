package io.chorus.mixer.room;

import io.chorus.mixer.clock.MediaClock;
import io.chorus.mixer.clock.TickRate;
import io.chorus.mixer.clock.TickThread;
import io.chorus.mixer.clock.TimeSource;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.input.AudioInput;
import io.chorus.mixer.input.SenderClock;
import io.chorus.mixer.input.VideoInput;
import io.chorus.mixer.output.AudioOutputs;
import io.chorus.mixer.output.CodecLifecycle;
import io.chorus.mixer.output.MediaSink;
import io.chorus.mixer.output.VideoOutputs;
import io.chorus.mixer.output.VideoProfile;
import io.chorus.mixer.publish.DemandHysteresis;
import io.chorus.mixer.publish.RoomDemands;
import io.chorus.mixer.publish.TileDemand;
import io.chorus.mixer.publish.VideoDemand;
import io.chorus.mixer.video.Compositor;
import io.chorus.mixer.video.Layout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room's mixer: participants in, one composite and the audio mixes out, on one media clock.
 * Two tick threads (audio every 20 ms, video at the room's frame rate) share the clock's origin;
 * decoding runs on a shared pool; encoders open and close on the room's lifecycle thread. With no
 * participants and no receivers both tick threads sleep, so an empty room costs nothing.
 */
public final class RoomMixer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RoomMixer.class);

    private final String roomId;
    private final RoomMixerConfig config;
    private final Executor decodePool;
    private final MixerEvents events;
    /**
     * How far (in 20 ms ticks) a stalled audio tick catches up by running late ticks back to back:
     * the mixed audio stays one unbroken stream (recordings keep their sync in players that play
     * samples back to back) through stalls of up to 500 ms, which a busy or starved host produces.
     */
    private static final int AUDIO_CATCH_UP_TICKS = 25;
    private final MediaClock clock;
    private final CodecLifecycle lifecycle;
    private final VideoOutputs videoOutputs;
    private final AudioOutputs audioOutputs;
    private final VideoTick videoTick;
    private final AudioTick audioTick;
    private final TickThread videoThread;
    private final TickThread audioThread;
    private final Set<String> receivers = new HashSet<>();
    private volatile List<MixerParticipant> participants = List.of();
    /** Audio packets left undecoded for participants who have left, so the room's total only grows. */
    private volatile long decodesSkippedByLeavers;
    private volatile long videoFramesRefusedByLeavers;
    private boolean closed;

    public RoomMixer(String roomId, RoomMixerConfig config, Executor decodePool, MixerEvents events) {
        this(roomId, config, decodePool, events, TimeSource.SYSTEM);
    }

    RoomMixer(String roomId, RoomMixerConfig config, Executor decodePool, MixerEvents events, TimeSource time) {
        this.roomId = Objects.requireNonNull(roomId, "roomId");
        this.config = Objects.requireNonNull(config, "config");
        this.decodePool = Objects.requireNonNull(decodePool, "decodePool");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = new MediaClock(time);
        this.lifecycle = new CodecLifecycle(roomId);
        this.videoOutputs = new VideoOutputs(lifecycle, config.fps(), time::nanoTime);
        this.audioOutputs = new AudioOutputs(lifecycle, config.audioBitrateBps(), config.mixedSpeakers());
        this.audioTick = new AudioTick(config.mixedSpeakers(), audioOutputs, this::participants, events);
        this.videoTick = new VideoTick(new Compositor(config.canvasWidth(), config.canvasHeight(), config.background()),
                config.layout(), config.fit(), TickRate.video(config.fps()), videoOutputs, this::participants,
                audioTick::activeSpeaker, new RoomDemands(new TileDemand(config.canvasWidth(), config.canvasHeight(),
                        config.fps()), DemandHysteresis.DEFAULT_HOLD, events::onVideoDemand));
        this.audioThread = new TickThread("audio-" + roomId, clock, AudioTick.RATE, AUDIO_CATCH_UP_TICKS, audioTick);
        this.videoThread = new TickThread("video-" + roomId, clock, TickRate.video(config.fps()), videoTick);
        TickThread.GiveUp failed = (name, failure) -> events.onFailed(name + " failed: " + failure);
        audioThread.onGiveUp(failed).start();
        videoThread.onGiveUp(failed).start();
        LOG.info("room {} mixer: {}x{} at {} fps, {} mixed speakers", roomId, config.canvasWidth(),
                config.canvasHeight(), config.fps(), config.mixedSpeakers());
    }

    public String roomId() {
        return roomId;
    }

    public RoomMixerConfig config() {
        return config;
    }

    /**
     * Adds a participant. Opens its decoders here, on the caller's thread, never on a tick thread.
     *
     * @param videoCodec codec of the participant's video, or null for an audio-only participant
     */
    public synchronized MixerParticipant addParticipant(String id, String displayName, VideoCodec videoCodec) {
        checkOpen();
        for (MixerParticipant p : participants) {
            if (p.id().equals(id)) {
                throw new IllegalArgumentException("participant " + id + " is already in room " + roomId);
            }
        }
        SenderClock audioClock = new SenderClock(48_000);
        SenderClock videoClock = new SenderClock(90_000);
        AudioInput audio = new AudioInput(id, audioClock);
        VideoInput video = videoCodec == null ? null
                : new VideoInput(id, videoCodec, videoClock, decodePool, () -> events.onKeyFrameNeeded(id));
        MixerParticipant participant = new MixerParticipant(id, displayName, audio, video, audioClock, videoClock);
        List<MixerParticipant> next = new ArrayList<>(participants);
        next.add(participant);
        participants = List.copyOf(next);
        updateActivity();
        return participant;
    }

    /** Removes a participant; its decoders are freed on the lifecycle thread once the ticks stopped using them. */
    public synchronized void removeParticipant(String id) {
        List<MixerParticipant> next = new ArrayList<>(participants);
        MixerParticipant gone = null;
        for (MixerParticipant p : participants) {
            if (p.id().equals(id)) {
                gone = p;
                next.remove(p);
            }
        }
        if (gone == null) {
            return;
        }
        participants = List.copyOf(next);
        decodesSkippedByLeavers += gone.audio().skippedDecodes();
        videoFramesRefusedByLeavers += refusedFrames(gone);
        MixerParticipant leaving = gone;
        lifecycle.run("close inputs of " + id, leaving::close);
        updateActivity();
    }

    public List<MixerParticipant> participants() {
        return participants;
    }

    /** Switches layout from the next video tick. */
    public void setLayout(Layout layout) {
        videoTick.setLayout(Objects.requireNonNull(layout, "layout"));
    }

    public Layout layout() {
        return videoTick.layout();
    }

    /**
     * Any thread: the largest box and frame rate at which any output shows the participant's camera, as
     * last reported to {@link MixerEvents#onVideoDemand}; null before the video tick first laid it out.
     */
    public VideoDemand videoDemand(String participantId) {
        return videoTick.videoDemand(participantId);
    }

    /** {@code receiverId} gets the composite encoded as {@code profile} (one encoder per profile, shared). */
    public synchronized void subscribeVideo(String receiverId, VideoProfile profile, MediaSink sink) {
        checkOpen();
        videoOutputs.subscribe(receiverId, profile, sink);
        receivers.add(receiverId);
        updateActivity();
    }

    /** {@code receiverId} gets the audio mix without its own voice (or the shared full mix when it is not mixed). */
    public synchronized void subscribeAudio(String receiverId, MediaSink sink) {
        checkOpen();
        audioOutputs.subscribe(receiverId, sink);
        receivers.add(receiverId);
        updateActivity();
    }

    /**
     * {@code receiverId} keeps its audio but gets no more video (its link cannot carry the lowest
     * profile); the profile's encoder closes when nobody else receives it.
     */
    public synchronized void unsubscribeVideo(String receiverId) {
        videoOutputs.unsubscribe(receiverId);
    }

    public synchronized void unsubscribe(String receiverId) {
        videoOutputs.unsubscribe(receiverId);
        audioOutputs.unsubscribe(receiverId);
        receivers.remove(receiverId);
        updateActivity();
    }

    /** A receiver reported lost pictures: its profile's next frame is a key frame, within the rate limit. */
    public void requestKeyFrame(String receiverId) {
        videoOutputs.requestKeyFrame(receiverId);
    }

    /**
     * The receiver's profile makes its first frame stamped (RTP, 90 kHz) at or after {@code rtpTimestamp}
     * a key frame, unless a key frame comes sooner: a media-time key frame cadence (ingest services want
     * one every 2 s) that holds however far behind the receiver consumes.
     */
    public void scheduleKeyFrame(String receiverId, long rtpTimestamp) {
        videoOutputs.scheduleKeyFrame(receiverId, rtpTimestamp);
    }

    public RoomMixerStats stats() {
        return new RoomMixerStats(participants.size(), audioThread.ticksRun(), videoThread.ticksRun(),
                audioThread.overruns(), videoThread.overruns(), audioThread.failedTicks() + videoThread.failedTicks(),
                videoOutputs.openEncoders(), audioOutputs.openEncoders(), audioOutputs.encodersInUse(),
                audioTick.activeSpeaker(), videoTick.tilesShown(), videoTick.composesSkipped(), audioDecodesSkipped(),
                videoTick.composeCpuNanos(),
                videoTick.encodeCpuNanos(), audioTick.cpuNanos(), videoFramesRefused());
    }

    private long videoFramesRefused() {
        long refused = videoFramesRefusedByLeavers;
        for (MixerParticipant p : participants) {
            refused += refusedFrames(p);
        }
        return refused;
    }

    private static long refusedFrames(MixerParticipant p) {
        VideoInput video = p.video();
        return video == null ? 0 : video.refusedFrames();
    }

    private long audioDecodesSkipped() {
        long skipped = decodesSkippedByLeavers;
        for (MixerParticipant p : participants) {
            skipped += p.audio().skippedDecodes();
        }
        return skipped;
    }

    /** Stops both ticks, then frees every decoder and encoder before returning. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        // The ticks stop before the participants go: a tick in between would compose an empty
        // canvas and hand it to every receiver, so a recording would end on a blank frame.
        audioThread.close();
        videoThread.close();
        List<MixerParticipant> last;
        synchronized (this) {
            last = participants;
            participants = List.of();
        }
        videoOutputs.closeAll();
        audioOutputs.closeAll();
        for (MixerParticipant p : last) {
            lifecycle.run("close inputs of " + p.id(), p::close);
        }
        lifecycle.close();
        LOG.info("room {} mixer closed", roomId);
    }

    private void updateActivity() {
        boolean active = !participants.isEmpty() || !receivers.isEmpty();
        audioThread.setActive(active);
        videoThread.setActive(active);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("room " + roomId + " mixer is closed");
        }
    }
}
