package io.chorus.core.ice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class StunIntegrityTest {
    private final StunIntegrity integrity = new StunIntegrity();

    @Test
    void acceptsARequestSignedWithThePassword() throws Exception {
        byte[] request = StunRequests.binding("srv:cli", "0123456789abcdefghijkl");
        assertTrue(integrity.verify(request, 0, request.length, "0123456789abcdefghijkl"));
    }

    @Test
    void acceptsItAtAnOffsetInALargerBuffer() throws Exception {
        byte[] request = StunRequests.binding("srv:cli", "secret-password-22char");
        byte[] buffer = new byte[request.length + 40];
        System.arraycopy(request, 0, buffer, 17, request.length);
        assertTrue(integrity.verify(buffer, 17, request.length, "secret-password-22char"));
    }

    @Test
    void refusesAnotherPasswordAMissingIntegrityAndAnyChangedByte() throws Exception {
        byte[] request = StunRequests.binding("srv:cli", "right-password-22chars");
        assertFalse(integrity.verify(request, 0, request.length, "wrong-password-22chars"));
        byte[] unsigned = StunRequests.binding("srv:cli", null);
        assertFalse(integrity.verify(unsigned, 0, unsigned.length, "right-password-22chars"));
        int integrityEnd = request.length - 8;
        for (int i = 0; i < integrityEnd; i++) {
            byte[] changed = request.clone();
            changed[i] ^= 0x01;
            assertFalse(integrity.verify(changed, 0, changed.length, "right-password-22chars"), "byte " + i);
        }
    }

    @Test
    void refusesTruncatedAndMalformedMessagesWithoutThrowing() throws Exception {
        byte[] request = StunRequests.binding("srv:cli", "right-password-22chars");
        for (int length = 0; length < request.length - 8; length++) {
            assertFalse(integrity.verify(request, 0, length, "right-password-22chars"), "length " + length);
        }
        byte[] lyingLength = request.clone();
        lyingLength[2] = 0x7F;
        assertFalse(integrity.verify(lyingLength, 0, lyingLength.length, "right-password-22chars"));
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] noise = Arrays.copyOf(request, random.nextInt(request.length + 1));
            for (int flips = random.nextInt(4); flips >= 0 && noise.length > 0; flips--) {
                noise[random.nextInt(noise.length)] = (byte) random.nextInt(256);
            }
            integrity.verify(noise, 0, noise.length, "right-password-22chars");
        }
    }
}
