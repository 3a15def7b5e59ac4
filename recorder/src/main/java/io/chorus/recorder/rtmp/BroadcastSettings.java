package io.chorus.recorder.rtmp;

import static io.chorus.core.config.SettingChecks.inRange;
import static io.chorus.core.config.SettingChecks.within;

import java.time.Duration;

import io.chorus.core.config.SettingException;
import io.chorus.core.retry.Backoff;
import io.chorus.mixer.codec.AacEncoder;

/**
 * How a broadcast encodes, how long it waits on the network and how it retries.
 *
 * @param videoBitrateBps    H.264 bitrate of the composite (sent at the room's canvas size)
 * @param audioBitrateBps    AAC bitrate of the full audio mix
 * @param keyFrameInterval   the longest gap between key frames; ingest services ask for 2 s (YouTube
 *                           accepts up to 4 s) and a viewer joining waits for the next one
 * @param ioTimeout          how long connecting or sending may block before the connection counts as
 *                           lost; a dead server must not hold the broadcast's worker
 * @param reconnectFirstWait the wait after the first failure; it doubles after each further one
 * @param reconnectMaxWait   the longest wait, so that a long outage does not delay the return by minutes
 */
public record BroadcastSettings(int videoBitrateBps, int audioBitrateBps, Duration keyFrameInterval, Duration ioTimeout,
        Duration reconnectFirstWait, Duration reconnectMaxWait) {

    public BroadcastSettings {
        inRange(videoBitrateBps, 100_000, 20_000_000, "videoBitrateBps");
        inRange(audioBitrateBps, AacEncoder.MIN_BITRATE_BPS, AacEncoder.MAX_BITRATE_BPS, "audioBitrateBps");
        within(keyFrameInterval, Duration.ofMillis(500), Duration.ofSeconds(10), "keyFrameInterval");
        within(ioTimeout, Duration.ofMillis(500), Duration.ofSeconds(60), "ioTimeout");
        within(reconnectFirstWait, Duration.ofMillis(100), Duration.ofMinutes(5), "reconnectFirstWait");
        within(reconnectMaxWait, Duration.ofMillis(100), Duration.ofMinutes(30), "reconnectMaxWait");
        if (reconnectMaxWait.compareTo(reconnectFirstWait) < 0) {
            throw new SettingException("reconnectMaxWait", "must not be shorter than reconnectFirstWait ("
                    + reconnectFirstWait.toMillis() + " ms), got " + reconnectMaxWait.toMillis() + " ms");
        }
    }

    /** 2.5 Mb/s video, 128 kb/s audio, a key frame every 2 s, 5 s network timeout, retries after 1 s doubling to 30 s. */
    public static BroadcastSettings defaults() {
        return new BroadcastSettings(2_500_000, 128_000, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public BroadcastSettings withVideoBitrate(int bps) {
        return new BroadcastSettings(bps, audioBitrateBps, keyFrameInterval, ioTimeout, reconnectFirstWait,
                reconnectMaxWait);
    }

    public BroadcastSettings withIoTimeout(Duration timeout) {
        return new BroadcastSettings(videoBitrateBps, audioBitrateBps, keyFrameInterval, timeout, reconnectFirstWait,
                reconnectMaxWait);
    }

    Backoff backoff() {
        return new Backoff(reconnectFirstWait, reconnectMaxWait);
    }
}
