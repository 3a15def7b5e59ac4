package io.chorus.signalling.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chorus.core.ice.IceConfig;
import io.chorus.mixer.codec.OpusEncoder;
import io.chorus.mixer.codec.OpusLibrary;
import io.chorus.mixer.output.VideoProfile;
import io.chorus.mixer.room.RoomMixerConfig;

class ChorusConfigTest {
    @Test
    void iceConfigCarriesTheMediaSettings() throws Exception {
        ChorusConfig c = ConfigLoader.load(new String[] {"--media.address=127.0.0.5", "--media.port=10005",
                "--media.publicAddress=203.0.113.7", "--media.stun=127.0.0.1:3478"}, Map.of());
        IceConfig ice = c.iceConfig();
        assertEquals(InetAddress.getByName("127.0.0.5"), ice.bindAddress());
        assertEquals(10005, ice.port());
        assertEquals(InetAddress.getByName("203.0.113.7"), ice.publicAddress());
        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 3478)), ice.stunServers());
        assertEquals(Duration.ofSeconds(5), ice.consentInterval());
        assertEquals(Duration.ofSeconds(10), ice.consentTimeout());
        assertNull(ChorusConfig.defaults().iceConfig().publicAddress());
    }

    @Test
    void tokenSecretLengthCountsUtf8BytesLikeJwtLibraries() {
        String secret = "ключ".repeat(4);
        ChorusConfig.Auth auth = new ChorusConfig.Auth(true, secret, "an-api-key-of-20-chars", false);
        assertEquals(16, secret.length());
        assertEquals(32, auth.tokenSecretBytes().length);
    }

    /** What the mixer accepts the configuration accepts: the ranges are the mixer's, reported under their keys. */
    @Test
    void theMixersLimitsAreTheConfigurationsLimits() {
        int[][] canvases = {{VideoProfile.MIN_SIDE, VideoProfile.MIN_SIDE}, {VideoProfile.MAX_WIDTH, VideoProfile.MAX_HEIGHT}};
        for (int[] c : canvases) {
            ChorusConfig accepted = ConfigLoader.load(new String[] {"--video.width=" + c[0], "--video.height=" + c[1],
                    "--video.tiers=" + c[0] + "x" + c[1] + "@" + VideoProfile.MAX_BITRATE + "," + c[0] + "x" + c[1]
                            + "@" + VideoProfile.MIN_BITRATE}, Map.of());
            assertEquals(c[0], accepted.conference().mixer().canvasWidth());
        }
        assertRefused("video.width must be an even number of pixels from 16 to 3840, got 3842", "--video.width=3842");
        assertRefused("video.fps must be between 1 and 60, got 61", "--video.fps=61");
        assertRefused("audio.mixedSpeakers must be between 1 and " + RoomMixerConfig.MAX_MIXED_SPEAKERS + ", got 17",
                "--audio.mixedSpeakers=17");
        for (int bitrate : new int[] {OpusEncoder.MIN_BITRATE_BPS, OpusEncoder.MAX_BITRATE_BPS}) {
            ChorusConfig accepted = ConfigLoader.load(new String[] {"--audio.bitrate=" + bitrate}, Map.of());
            OpusLibrary.encoder(accepted.conference().mixer().audioBitrateBps()).close();
        }
        assertRefused("audio.opusLibrary must be auto, system, bundled or an absolute path to a libopus.so, got "
                + "'libopus.so.0'", "--audio.opusLibrary=libopus.so.0");
        assertRefused("audio.bitrate must be between 6000 and " + OpusEncoder.MAX_BITRATE_BPS + ", got "
                + (OpusEncoder.MAX_BITRATE_BPS + 1), "--audio.bitrate=" + (OpusEncoder.MAX_BITRATE_BPS + 1));
    }

    /** The broadcast and recording settings that were fixed in code are keys now, checked by the recorder. */
    @Test
    void recorderSettingsAreKeysCheckedByTheRecorder() {
        ChorusConfig c = ConfigLoader.load(new String[] {"--broadcast.reconnectFirstWait=250ms",
                "--broadcast.reconnectMaxWait=2s", "--recording.fragmentLength=500ms", "--recording.queueCapacity=64"},
                Map.of());
        assertEquals(Duration.ofMillis(250), c.conference().broadcast().reconnectFirstWait());
        assertEquals(Duration.ofSeconds(2), c.conference().broadcast().reconnectMaxWait());
        assertEquals(Duration.ofMillis(500), c.conference().recording().options().fragmentLength());
        assertEquals(64, c.conference().recording().options().queueCapacity());
        assertRefused("broadcast.reconnectMaxWait must not be shorter than reconnectFirstWait (5000 ms), got 1000 ms",
                "--broadcast.reconnectFirstWait=5s", "--broadcast.reconnectMaxWait=1s");
        assertRefused("broadcast.ioTimeout must be from 500ms to 1m, got 2m", "--broadcast.ioTimeout=2m");
        assertRefused("recording.fragmentLength must be from 100ms to 10s, got 20s", "--recording.fragmentLength=20s");
        assertRefused("recording.aacBitrate must be between 16000 and 320000, got 8000", "--recording.aacBitrate=8000");
        assertRefused("broadcast.videoBitrate must be between 100000 and 20000000, got 99", "--broadcast.videoBitrate=99");
    }

    private static void assertRefused(String message, String... flags) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(flags, Map.of()));
        assertEquals(message, e.getMessage());
    }
}
