package io.chorus.core.sdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprintTest {
    private static final String SHA256 =
            "sha-256 00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D:1E:1F";

    @Test
    void writesUpperCaseHexPairsAndReadsThemBack() throws SdpException {
        Fingerprint fingerprint = Fingerprint.sha256(Offers.sequence(32));
        assertEquals(SHA256, fingerprint.toSdpValue());
        assertEquals(fingerprint, Fingerprint.parse(SHA256));
        assertEquals(fingerprint, Fingerprint.parse(SHA256.toLowerCase().replace("sha-256", "SHA-256")));
        assertEquals(fingerprint.hashCode(), Fingerprint.parse(SHA256).hashCode());
    }

    @Test
    void copiesItsBytes() {
        byte[] digest = Offers.sequence(32);
        Fingerprint fingerprint = Fingerprint.sha256(digest);
        digest[0] = 99;
        fingerprint.value()[1] = 99;
        assertArrayEquals(Offers.sequence(32), fingerprint.value());
        assertNotEquals(fingerprint, Fingerprint.sha256(digest));
    }

    @Test
    void acceptsUnknownAlgorithmsOfAnyLength() throws SdpException {
        assertEquals(new Fingerprint("x-hash", new byte[] {(byte) 0xAB}), Fingerprint.parse("x-hash AB"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sha-256", "sha-256 ", "sha-256 00:01 02", "sha-1 00:01", "sha-256 0:01",
            "sha-256 :", "sha-256 00::01", "sha-256 GG", "x AB:"})
    void rejectsMalformedValues(String value) {
        assertThrows(SdpException.class, () -> Fingerprint.parse(value));
    }
}
