package io.chorus.mixer.output;

import io.chorus.mixer.video.I420Picture;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encoded forms of one room's composite: one {@link VideoOutput} per profile that somebody
 * receives. A profile's encoder exists only while it has receivers, and a receiver joining an
 * output already running gets a (rate-limited) key frame so it can start decoding.
 */
public final class VideoOutputs {
    private static final Logger LOG = LoggerFactory.getLogger(VideoOutputs.class);

    private final CodecLifecycle lifecycle;
    private final int fps;
    private final LongSupplier nanoClock;
    private final TickCommands commands = new TickCommands();
    private final Map<VideoProfile, VideoOutput> outputs = new HashMap<>();
    private final Map<String, VideoOutput> byReceiver = new HashMap<>();
    private final AtomicInteger openEncoders = new AtomicInteger();
    private volatile int receivers;
    // Tick thread only; kept with the subscriptions so the tick can read them every frame for free.
    private int largestWidth;
    private int largestHeight;

    public VideoOutputs(CodecLifecycle lifecycle, int fps, LongSupplier nanoClock) {
        this.lifecycle = lifecycle;
        this.fps = fps;
        this.nanoClock = nanoClock;
    }

    /** Any thread: from the next tick, {@code receiverId} gets the composite in {@code profile} (replacing any earlier one). */
    public void subscribe(String receiverId, VideoProfile profile, MediaSink sink) {
        commands.post(() -> {
            removeReceiver(receiverId);
            VideoOutput output = outputs.computeIfAbsent(profile, this::startOutput);
            output.receivers().put(receiverId, sink);
            byReceiver.put(receiverId, output);
            output.requestKeyFrame();
            receivers = byReceiver.size();
            updateLargest();
        });
    }

    public void unsubscribe(String receiverId) {
        commands.post(() -> {
            removeReceiver(receiverId);
            receivers = byReceiver.size();
            updateLargest();
        });
    }

    /** Any thread: a receiver lost pictures (PLI/FIR); its output's next frame is a key frame, within the rate limit. */
    public void requestKeyFrame(String receiverId) {
        commands.post(() -> {
            VideoOutput output = byReceiver.get(receiverId);
            if (output != null) {
                output.requestKeyFrame();
            }
        });
    }

    /**
     * Any thread: the receiver's output makes the first frame stamped at or after {@code rtpTimestamp}
     * a key frame (unless one comes sooner). For receivers that need key frames on a media-time
     * cadence however far behind they consume: a plain request made on seeing a late frame would
     * land later still.
     */
    public void scheduleKeyFrame(String receiverId, long rtpTimestamp) {
        commands.post(() -> {
            VideoOutput output = byReceiver.get(receiverId);
            if (output != null) {
                output.scheduleKeyFrame(rtpTimestamp);
            }
        });
    }

    /** Tick thread: applies pending changes, then encodes the canvas once per profile in use. */
    public void encode(I420Picture canvas, long tick, long rtpTimestamp) {
        commands.applyPending();
        for (VideoOutput output : outputs.values()) {
            output.encode(canvas, tick, rtpTimestamp);
        }
    }

    /** Encoders currently open (opened and not yet closed). */
    public int openEncoders() {
        return openEncoders.get();
    }

    public int receivers() {
        return receivers;
    }

    /**
     * Tick thread, after {@link #encode}: the widest profile anybody receives, 0 when nobody receives
     * video. With {@link #largestProfileHeight} it bounds the size any output shows a tile at (the two
     * may come from different profiles).
     */
    public int largestProfileWidth() {
        return largestWidth;
    }

    /** Tick thread, after {@link #encode}: the tallest profile anybody receives, 0 when nobody receives video. */
    public int largestProfileHeight() {
        return largestHeight;
    }

    /** Tick thread, when the room ends: every output goes to the lifecycle thread to be closed. */
    public void closeAll() {
        commands.applyPending();
        for (VideoOutput output : outputs.values()) {
            stopOutput(output);
        }
        outputs.clear();
        byReceiver.clear();
        receivers = 0;
    }

    private VideoOutput startOutput(VideoProfile profile) {
        VideoOutput output = new VideoOutput(profile, fps, nanoClock);
        lifecycle.run("open " + profile + " encoder", () -> {
            output.open();
            openEncoders.incrementAndGet();
            LOG.info("video output {} open", profile);
        });
        return output;
    }

    private void updateLargest() {
        largestWidth = 0;
        largestHeight = 0;
        for (VideoProfile profile : outputs.keySet()) {
            largestWidth = Math.max(largestWidth, profile.width());
            largestHeight = Math.max(largestHeight, profile.height());
        }
    }

    private void removeReceiver(String receiverId) {
        VideoOutput output = byReceiver.remove(receiverId);
        if (output == null) {
            return;
        }
        output.receivers().remove(receiverId);
        if (output.receivers().isEmpty()) {
            outputs.values().remove(output);
            stopOutput(output);
        }
    }

    private void stopOutput(VideoOutput output) {
        lifecycle.run("close video encoder", () -> {
            if (output.isOpen()) {
                openEncoders.decrementAndGet();
            }
            output.close();
        });
    }
}
