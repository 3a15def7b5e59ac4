package io.chorus.core.rtp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.chorus.core.MalformedPacketException;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the RTP header parser and the RTX unwrapper that runs on what it accepts. Contract: a datagram
 * is either rejected with {@link MalformedPacketException} or gives a view whose header, payload and
 * padding tile the range exactly, whose extension lookups stay inside the header, and which survives a
 * round trip through {@link RtpPacket#create}. Without JAZZER_FUZZ this replays the inputs under
 * {@code RtpPacketFuzzTestInputs/parse/}.
 */
class RtpPacketFuzzTest {
    private static final int OFFSET = 3;

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] datagram) throws MalformedPacketException {
        // Framed by 0xFF on both sides, so a read outside the range changes what is parsed.
        byte[] framed = new byte[OFFSET + datagram.length + 8];
        Arrays.fill(framed, (byte) 0xFF);
        System.arraycopy(datagram, 0, framed, OFFSET, datagram.length);
        RtpPacket packet;
        try {
            packet = RtpPacket.parse(framed, OFFSET, datagram.length);
        } catch (MalformedPacketException rejected) {
            assertThrows(MalformedPacketException.class, () -> RtpPacket.parse(datagram, 0, datagram.length),
                    "rejected at an offset but accepted alone");
            return;
        }
        int padding = packet.hasPadding() ? datagram[datagram.length - 1] & 0xFF : 0;
        assertTrue(packet.headerLength() >= RtpPacket.FIXED_HEADER_LENGTH + 4 * packet.csrcCount());
        assertTrue(packet.payloadLength() >= 0);
        assertEquals(OFFSET + datagram.length, packet.payloadOffset() + packet.payloadLength() + padding);
        byte[] payload = packet.payload();
        assertArrayEquals(Arrays.copyOfRange(framed, packet.payloadOffset(),
                packet.payloadOffset() + packet.payloadLength()), payload);

        int extensionEnd = OFFSET + packet.headerLength();
        for (int id = 0; id < 256; id++) {
            long element = packet.findExtension(id);
            if (element >= 0) {
                int start = (int) (element >>> 16);
                int length = (int) (element & 0xFFFF);
                assertTrue(packet.hasExtension(), "extension element found without the X bit");
                assertTrue(start > OFFSET + RtpPacket.FIXED_HEADER_LENGTH && start + length <= extensionEnd,
                        "extension element " + id + " at " + start + "+" + length + " outside the header");
                AudioLevelExtension.level(packet, id);
            }
        }

        // Round trip: the fields and payload, written by the project's writer, parse back the same.
        RtpPacket copy = RtpPacket.parse(RtpPacket.create(packet.payloadType(), packet.sequenceNumber(),
                packet.timestamp(), packet.ssrc(), packet.marker(), framed, packet.payloadOffset(),
                packet.payloadLength(), 0).buffer(), 0, RtpPacket.FIXED_HEADER_LENGTH + packet.payloadLength());
        assertSameFields(packet, copy);
        assertArrayEquals(payload, copy.payload());
        for (int id = 1; id <= 14; id++) {
            long element = packet.findExtension(id);
            int length = (int) (element & 0xFFFF);
            if (element < 0 || length < 1 || length > 16) {
                continue;
            }
            byte[] data = Arrays.copyOfRange(framed, (int) (element >>> 16), (int) (element >>> 16) + length);
            RtpPacket written = RtpPacket.createWithExtension(packet.payloadType(), packet.sequenceNumber(),
                    packet.timestamp(), packet.ssrc(), packet.marker(), id, data, payload, 0, payload.length, 0);
            RtpPacket reparsed = RtpPacket.parse(written.buffer(), 0, written.length());
            assertSameFields(packet, reparsed);
            assertArrayEquals(payload, reparsed.payload());
            long found = reparsed.findExtension(id);
            assertTrue(found >= 0, "extension " + id + " lost in the round trip");
            assertArrayEquals(data, Arrays.copyOfRange(reparsed.buffer(), (int) (found >>> 16),
                    (int) (found >>> 16) + (int) (found & 0xFFFF)));
        }

        // RFC 4588: an RTX packet either lacks its original sequence number or unwraps to the original.
        try {
            RtpPacket original = Rtx.unwrap(packet, 0x12345678L, 96);
            assertTrue(payload.length >= 2);
            assertEquals(RtpPacket.readUint16(payload, 0), original.sequenceNumber());
            assertEquals(0x12345678L, original.ssrc());
            assertEquals(96, original.payloadType());
            assertArrayEquals(Arrays.copyOfRange(payload, 2, payload.length), original.payload());
        } catch (MalformedPacketException rejected) {
            assertTrue(payload.length < 2, "RTX refused a packet with an original sequence number");
        }
    }

    private static void assertSameFields(RtpPacket expected, RtpPacket actual) {
        assertEquals(expected.payloadType(), actual.payloadType());
        assertEquals(expected.sequenceNumber(), actual.sequenceNumber());
        assertEquals(expected.timestamp(), actual.timestamp());
        assertEquals(expected.ssrc(), actual.ssrc());
        assertEquals(expected.marker(), actual.marker());
    }
}
