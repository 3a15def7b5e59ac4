package io.chorus.recorder.rtmp;

import io.chorus.mixer.codec.AacEncoder;
import java.time.Duration;
import java.util.Objects;

/**
 * How a broadcast encodes and how long it waits on the network.
 *
 * @param videoBitrateBps  H.264 bitrate of the composite (sent at the room's canvas size)
 * @param audioBitrateBps  AAC bitrate of the full audio mix
 * @param keyFrameInterval the longest gap between key frames; ingest services ask for 2 s (YouTube
 *                         accepts up to 4 s) and a viewer joining waits for the next one
 * @param ioTimeout        how long connecting or sending may block before the connection counts as
 *                         lost; a dead server must not hold the broadcast's worker
 */
public record BroadcastSettings(int videoBitrateBps, int audioBitrateBps, Duration keyFrameInterval, Duration ioTimeout) {

    public BroadcastSettings {
        if (videoBitrateBps < 100_000 || videoBitrateBps > 20_000_000) {
            throw new IllegalArgumentException("videoBitrateBps must be 100000..20000000: " + videoBitrateBps);
        }
        if (audioBitrateBps < AacEncoder.MIN_BITRATE_BPS || audioBitrateBps > AacEncoder.MAX_BITRATE_BPS) {
            throw new IllegalArgumentException("audioBitrateBps must be " + AacEncoder.MIN_BITRATE_BPS + ".."
                    + AacEncoder.MAX_BITRATE_BPS + ": " + audioBitrateBps);
        }
        Objects.requireNonNull(keyFrameInterval, "keyFrameInterval");
        Objects.requireNonNull(ioTimeout, "ioTimeout");
        if (keyFrameInterval.toMillis() < 500 || keyFrameInterval.toSeconds() > 10) {
            throw new IllegalArgumentException("keyFrameInterval must be 0.5..10 s: " + keyFrameInterval);
        }
        if (ioTimeout.toMillis() < 500 || ioTimeout.toSeconds() > 60) {
            throw new IllegalArgumentException("ioTimeout must be 0.5..60 s: " + ioTimeout);
        }
    }

    /** 2.5 Mb/s video, 128 kb/s audio, a key frame every 2 s, 5 s network timeout. */
    public static BroadcastSettings defaults() {
        return new BroadcastSettings(2_500_000, 128_000, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    public BroadcastSettings withVideoBitrate(int bps) {
        return new BroadcastSettings(bps, audioBitrateBps, keyFrameInterval, ioTimeout);
    }

    public BroadcastSettings withIoTimeout(Duration timeout) {
        return new BroadcastSettings(videoBitrateBps, audioBitrateBps, keyFrameInterval, timeout);
    }
}
