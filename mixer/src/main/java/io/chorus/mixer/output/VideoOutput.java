package io.chorus.mixer.output;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.codec.KeyFrameLimiter;
import io.chorus.mixer.codec.PictureScaler;
import io.chorus.mixer.codec.VideoEncoder;
import io.chorus.mixer.codec.VideoEncoderSettings;
import io.chorus.mixer.video.I420Picture;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One profile's encoder and the receivers sharing it. The encoder is opened on the lifecycle thread
 * and published through a volatile field; until it is there the tick simply skips this output.
 */
final class VideoOutput {
    private static final Duration KEY_FRAME_MIN_INTERVAL = Duration.ofMillis(500);

    private final VideoProfile profile;
    private final int fps;
    private final Map<String, MediaSink> receivers = new LinkedHashMap<>();
    private final KeyFrameLimiter keyFrames = new KeyFrameLimiter(KEY_FRAME_MIN_INTERVAL);
    private volatile VideoEncoder encoder;
    private PictureScaler scaler;
    private I420Picture scaled;
    private long framesEncoded;

    VideoOutput(VideoProfile profile, int fps) {
        this.profile = profile;
        this.fps = fps;
    }

    /** Lifecycle thread. */
    void open() {
        encoder = new VideoEncoder(new VideoEncoderSettings(profile.codec(), profile.width(), profile.height(), fps,
                profile.bitrateBps(), VideoEncoderSettings.DEFAULT_KEY_FRAME_INTERVAL));
    }

    /** Lifecycle thread, after the tick thread dropped this output. */
    void close() {
        VideoEncoder e = encoder;
        encoder = null;
        if (e != null) {
            e.close();
        }
        if (scaler != null) {
            scaler.close();
        }
    }

    boolean isOpen() {
        return encoder != null;
    }

    Map<String, MediaSink> receivers() {
        return receivers;
    }

    void requestKeyFrame(long nowNanos) {
        keyFrames.request(nowNanos);
    }

    long framesEncoded() {
        return framesEncoded;
    }

    /** Tick thread: encodes the canvas (scaled to the profile's size if it differs) once for all receivers. */
    void encode(I420Picture canvas, long tick, long rtpTimestamp, long nowNanos) {
        VideoEncoder e = encoder;
        if (e == null || receivers.isEmpty()) {
            return;
        }
        I420Picture source = canvas;
        if (canvas.width() != profile.width() || canvas.height() != profile.height()) {
            if (scaler == null) {
                scaler = new PictureScaler();
                scaled = new I420Picture(profile.width(), profile.height());
            }
            scaler.scale(canvas, scaled);
            source = scaled;
        }
        EncodedFrame out = e.encode(source, tick, keyFrames.takeDue(nowNanos));
        if (out == null) {
            return;
        }
        framesEncoded++;
        EncodedFrame stamped = new EncodedFrame(out.data(), rtpTimestamp, out.keyFrame(), out.width(), out.height());
        for (MediaSink sink : receivers.values()) {
            sink.onFrame(stamped);
        }
    }
}
