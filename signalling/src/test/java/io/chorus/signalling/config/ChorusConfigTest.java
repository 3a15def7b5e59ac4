package io.chorus.signalling.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chorus.core.ice.IceConfig;

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
}
