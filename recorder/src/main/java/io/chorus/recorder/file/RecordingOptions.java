package io.chorus.recorder.file;

import static io.chorus.core.config.SettingChecks.inRange;
import static io.chorus.core.config.SettingChecks.within;

import java.time.Duration;

import io.chorus.mixer.codec.AacEncoder;
import io.chorus.mixer.output.VideoProfile;
import io.chorus.mixer.room.RoomMixerConfig;

/**
 * Tunables of a recording.
 *
 * @param videoBitrateBps the recorder's video profile bitrate, 0 to derive it from the canvas
 *                        ({@value #BITS_PER_PIXEL} bit per pixel per frame, within 300 kb/s..8 Mb/s)
 * @param aacBitrateBps   AAC bitrate for MP4
 * @param queueCapacity   frames the writer may fall behind before frames are dropped
 * @param fragmentLength  the longest stretch a crash can lose: a Matroska cluster or an MP4 fragment
 *                        is closed at least this often, and everything before it stays playable
 * @param stopTimeout     how long stopping waits for the writer to take what is queued; a writer
 *                        stuck on a stalled disk must not hold the room or the API that stops it
 * @param syncToDisk      fsync the file after each closed cluster or fragment (at most once per
 *                        {@code fragmentLength}), so a power cut loses no more than a process kill
 */
public record RecordingOptions(int videoBitrateBps, int aacBitrateBps, int queueCapacity, Duration fragmentLength,
        Duration stopTimeout, boolean syncToDisk) {
    static final double BITS_PER_PIXEL = 0.1;
    public static final int DEFAULT_AAC_BITRATE = 96_000;
    /** About 8 s of 30 fps video plus 50 audio frames a second. */
    public static final int DEFAULT_QUEUE_CAPACITY = 640;
    public static final int MAX_QUEUE_CAPACITY = 100_000;
    public static final Duration DEFAULT_FRAGMENT_LENGTH = Duration.ofSeconds(1);
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    public RecordingOptions {
        if (videoBitrateBps != 0) {
            inRange(videoBitrateBps, VideoProfile.MIN_BITRATE, VideoProfile.MAX_BITRATE, "videoBitrateBps");
        }
        inRange(aacBitrateBps, AacEncoder.MIN_BITRATE_BPS, AacEncoder.MAX_BITRATE_BPS, "aacBitrateBps");
        inRange(queueCapacity, 16, MAX_QUEUE_CAPACITY, "queueCapacity");
        within(fragmentLength, Duration.ofMillis(100), Duration.ofSeconds(10), "fragmentLength");
        within(stopTimeout, Duration.ofMillis(100), Duration.ofMinutes(10), "stopTimeout");
    }

    public static RecordingOptions defaults() {
        return new RecordingOptions(0, DEFAULT_AAC_BITRATE, DEFAULT_QUEUE_CAPACITY, DEFAULT_FRAGMENT_LENGTH,
                DEFAULT_STOP_TIMEOUT, true);
    }

    /** The same options with the video profile's bitrate set, 0 to derive it from the canvas. */
    public RecordingOptions withVideoBitrate(int bps) {
        return new RecordingOptions(bps, aacBitrateBps, queueCapacity, fragmentLength, stopTimeout, syncToDisk);
    }

    /** The same options with another stop timeout. */
    public RecordingOptions withStopTimeout(Duration timeout) {
        return new RecordingOptions(videoBitrateBps, aacBitrateBps, queueCapacity, fragmentLength, timeout, syncToDisk);
    }

    /** The same options with syncing to disk on or off. */
    public RecordingOptions withSyncToDisk(boolean sync) {
        return new RecordingOptions(videoBitrateBps, aacBitrateBps, queueCapacity, fragmentLength, stopTimeout, sync);
    }

    int videoBitrateBps(RoomMixerConfig room) {
        if (videoBitrateBps != 0) {
            return videoBitrateBps;
        }
        double auto = BITS_PER_PIXEL * room.canvasWidth() * room.canvasHeight() * room.fps();
        return (int) Math.max(300_000, Math.min(8_000_000, auto));
    }
}
