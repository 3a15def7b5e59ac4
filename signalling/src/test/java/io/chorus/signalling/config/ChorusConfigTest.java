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
import io.chorus.mixer.codec.VideoCodec;
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
        ChorusConfig.Auth auth = new ChorusConfig.Auth(true, secret, "k");
        assertEquals(16, secret.length());
        assertEquals(32, auth.tokenSecretBytes().length);
    }

    /** What the configuration accepts, the mixer accepts, and the step beyond it both refuse. */
    @Test
    void limitsAreTheMixers() {
        RoomMixerConfig mixer = RoomMixerConfig.defaults();
        int[][] canvases = {{ChorusConfig.MIN_SIDE, ChorusConfig.MIN_SIDE}, {ChorusConfig.MAX_WIDTH, ChorusConfig.MAX_HEIGHT}};
        for (int[] c : canvases) {
            mixer.withCanvas(c[0], c[1], 30);
            new VideoProfile(VideoCodec.VP8, c[0], c[1], ChorusConfig.MIN_TIER_BITRATE);
            new VideoProfile(VideoCodec.VP8, c[0], c[1], ChorusConfig.MAX_TIER_BITRATE);
        }
        assertThrows(IllegalArgumentException.class, () -> mixer.withCanvas(ChorusConfig.MIN_SIDE - 2, 720, 30));
        assertThrows(IllegalArgumentException.class, () -> mixer.withCanvas(ChorusConfig.MAX_WIDTH + 2, 720, 30));
        assertThrows(IllegalArgumentException.class, () -> mixer.withCanvas(1280, ChorusConfig.MAX_HEIGHT + 2, 30));
        assertThrows(IllegalArgumentException.class, () -> mixer.withCanvas(1280, 720, 61));
        assertThrows(IllegalArgumentException.class,
                () -> new VideoProfile(VideoCodec.VP8, 640, 360, ChorusConfig.MIN_TIER_BITRATE - 1));
        assertThrows(IllegalArgumentException.class,
                () -> new VideoProfile(VideoCodec.VP8, 640, 360, ChorusConfig.MAX_TIER_BITRATE + 1));
        mixer.withMixedSpeakers(ChorusConfig.MAX_MIXED_SPEAKERS);
        assertThrows(IllegalArgumentException.class, () -> mixer.withMixedSpeakers(ChorusConfig.MAX_MIXED_SPEAKERS + 1));
        for (int bitrate : new int[] {6000, 510000}) {
            new RoomMixerConfig(1280, 720, 30, mixer.background(), mixer.layout(), mixer.fit(), 3, bitrate);
            new ChorusConfig.Audio(bitrate, 3);
        }
    }
}
