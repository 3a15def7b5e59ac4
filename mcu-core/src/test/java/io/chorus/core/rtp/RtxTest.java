package io.chorus.core.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.chorus.core.MalformedPacketException;

class RtxTest {
    @ParameterizedTest
    @ValueSource(ints = {65534, 65535, 0, 1})
    void unwrapRestoresTheOriginalPacket(int osn) throws Exception {
        byte[] media = {1, 2, 3, 4, 5};
        byte[] payload = new byte[2 + media.length];
        RtpPacket.writeUint16(payload, 0, osn);
        System.arraycopy(media, 0, payload, 2, media.length);
        RtpPacket rtx = RtpPacket.create(97, 4711, 90000, 0xCAFEL, true, payload, 0, payload.length, 0);

        RtpPacket original = Rtx.unwrap(rtx, 0xBEEFL, 96);

        assertEquals(osn, original.sequenceNumber());
        assertEquals(0xBEEFL, original.ssrc());
        assertEquals(96, original.payloadType());
        assertEquals(90000, original.timestamp());
        assertTrue(original.marker());
        assertArrayEquals(media, original.payload());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void refusesRtxWithoutOriginalSequenceNumber(int payloadBytes) {
        RtpPacket rtx = RtpPacket.create(97, 1, 0, 1, false, new byte[payloadBytes], 0, payloadBytes, 0);
        assertThrows(MalformedPacketException.class, () -> Rtx.unwrap(rtx, 2, 96));
    }
}
