package io.chorus.mixer.output;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.codec.KeyFrameLimiter;
import io.chorus.mixer.codec.PictureResizer;
import io.chorus.mixer.codec.VideoEncoder;
import io.chorus.mixer.codec.VideoEncoderSettings;
import io.chorus.mixer.video.I420Picture;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One profile's encoder and the receivers sharing it. The encoder is opened on the lifecycle thread
 * and published through a volatile field; until it is there the tick simply skips this output.
 */
final class VideoOutput {
    private static final Duration KEY_FRAME_MIN_INTERVAL = Duration.ofMillis(500);

    private final VideoProfile profile;
    private final int fps;
    private final Map<String, MediaSink> receivers = new LinkedHashMap<>();
    private final KeyFrameLimiter keyFrames;
    private volatile VideoEncoder encoder;
    private PictureResizer resizer;
    private I420Picture scaled;
    private long framesEncoded;
    private boolean keyFrameScheduled;
    private long scheduledKeyFrameRtp;

    VideoOutput(VideoProfile profile, int fps, LongSupplier nanoClock) {
        this.profile = profile;
        this.fps = fps;
        this.keyFrames = new KeyFrameLimiter(KEY_FRAME_MIN_INTERVAL, nanoClock);
    }

    /** Lifecycle thread. */
    void open() {
        encoder = new VideoEncoder(VideoEncoderSettings.realtime(profile.codec(), profile.width(), profile.height(), fps,
                profile.bitrateBps()));
    }

    /** Lifecycle thread, after the tick thread dropped this output. */
    void close() {
        VideoEncoder e = encoder;
        encoder = null;
        if (e != null) {
            e.close();
        }
        if (resizer != null) {
            resizer.close();
        }
    }

    boolean isOpen() {
        return encoder != null;
    }

    Map<String, MediaSink> receivers() {
        return receivers;
    }

    /** Any thread. */
    void requestKeyFrame() {
        keyFrames.request();
    }

    /**
     * Tick thread: the first frame stamped at or after {@code rtpTimestamp} is asked to be a key frame,
     * unless a key frame comes sooner. The earliest schedule wins.
     */
    void scheduleKeyFrame(long rtpTimestamp) {
        if (!keyFrameScheduled || isAtOrAfter(scheduledKeyFrameRtp, rtpTimestamp)) {
            scheduledKeyFrameRtp = rtpTimestamp;
            keyFrameScheduled = true;
        }
    }

    /** Whether 32-bit RTP timestamp {@code a} is at or after {@code b}, across the wrap. */
    private static boolean isAtOrAfter(long a, long b) {
        return (int) (a - b) >= 0;
    }

    long framesEncoded() {
        return framesEncoded;
    }

    /** Tick thread: encodes the canvas (scaled to the profile's size if it differs) once for all receivers. */
    void encode(I420Picture canvas, long tick, long rtpTimestamp) {
        VideoEncoder e = encoder;
        if (e == null || receivers.isEmpty()) {
            return;
        }
        I420Picture source = canvas;
        if (canvas.width() != profile.width() || canvas.height() != profile.height()) {
            if (resizer == null) {
                resizer = new PictureResizer();
                scaled = new I420Picture(profile.width(), profile.height());
            }
            resizer.resize(canvas, scaled);
            source = scaled;
        }
        if (keyFrameScheduled && isAtOrAfter(rtpTimestamp, scheduledKeyFrameRtp)) {
            keyFrames.request();
        }
        EncodedFrame out = e.encode(source, tick, keyFrames.takeDue());
        if (out == null) {
            return;
        }
        if (out.keyFrame()) {
            keyFrames.keyFrameSent();
            keyFrameScheduled = false;
        }
        framesEncoded++;
        EncodedFrame stamped = new EncodedFrame(out.data(), rtpTimestamp, out.keyFrame(), out.width(), out.height());
        for (MediaSink sink : receivers.values()) {
            sink.onFrame(stamped);
        }
    }
}
