package io.chorus.core.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AudioLevelExtensionTest {

    @ParameterizedTest
    @CsvSource({"0x00, 0, false", "0x7F, 127, false", "0x80, 0, true", "0xA1, 33, true", "0xFF, 127, true", "0x21, 33, false"})
    void extensionByteCarriesFlagAndLevel(String hex, int level, boolean voice) {
        byte value = (byte) Integer.parseInt(hex.substring(2), 16);
        assertEquals(level, AudioLevelExtension.level(value));
        assertEquals(voice, AudioLevelExtension.voiceActivity(value));
    }

    @Test
    void everyExtensionByteRoundTrips() {
        for (int i = 0; i < 256; i++) {
            byte value = (byte) i;
            assertEquals(value, AudioLevelExtension.toByte(AudioLevelExtension.level(value), AudioLevelExtension.voiceActivity(value)));
        }
        assertTrue(AudioLevelExtension.voiceActivity(AudioLevelExtension.toByte(5, true)));
        assertFalse(AudioLevelExtension.voiceActivity(AudioLevelExtension.toByte(5, false)));
    }

    @Test
    void levelsOutsideTheScaleAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> AudioLevelExtension.toByte(128, false));
        assertThrows(IllegalArgumentException.class, () -> AudioLevelExtension.toByte(-1, true));
    }

    @Test
    void levelIsReadFromThePacketsExtensionWithTheNegotiatedId() {
        byte[] payload = {(byte) 0xF8, 1, 2};
        RtpPacket packet = RtpPacket.createWithExtension(111, 7, 960, 0x1234, false, 1,
                new byte[] {AudioLevelExtension.toByte(42, true)}, payload, 0, payload.length, 0);
        assertEquals(42, AudioLevelExtension.level(packet, 1));
        assertEquals(AudioLevelExtension.ABSENT, AudioLevelExtension.level(packet, 3), "another id is not there");
        assertEquals(AudioLevelExtension.ABSENT, AudioLevelExtension.level(packet, -1), "not negotiated");
        RtpPacket plain = RtpPacket.create(111, 8, 1920, 0x1234, false, payload, 0, payload.length, 0);
        assertEquals(AudioLevelExtension.ABSENT, AudioLevelExtension.level(plain, 1));
    }
}
