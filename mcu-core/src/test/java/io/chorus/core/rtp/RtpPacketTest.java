package io.chorus.core.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.chorus.core.MalformedPacketException;

class RtpPacketTest {
    /** Chrome-style VP8 packet: CSRC 0, one-byte extensions (id 1: 3 bytes, id 3: 2 bytes), marker. */
    private static final byte[] WITH_EXTENSIONS = {
            (byte) 0x90, (byte) 0xE0, (byte) 0xFF, (byte) 0xFE, 0x00, 0x01, 0x5F, (byte) 0x90,
            0x12, 0x34, 0x56, 0x78,
            (byte) 0xBE, (byte) 0xDE, 0x00, 0x02,
            0x12, (byte) 0xAA, (byte) 0xBB, (byte) 0xCC, 0x31, 0x01, 0x02, 0x00,
            (byte) 0x90, (byte) 0x80, 0x01};

    @Test
    void parsesHeaderFieldsAndExtensions() throws Exception {
        RtpPacket p = RtpPacket.parse(WITH_EXTENSIONS, 0, WITH_EXTENSIONS.length);
        assertTrue(p.marker());
        assertEquals(96, p.payloadType());
        assertEquals(65534, p.sequenceNumber());
        assertEquals(90000, p.timestamp());
        assertEquals(0x12345678L, p.ssrc());
        assertEquals(24, p.headerLength());
        assertEquals(3, p.payloadLength());
        long ext1 = p.findExtension(1);
        assertEquals(3, ext1 & 0xFFFF);
        assertEquals((byte) 0xAA, WITH_EXTENSIONS[(int) (ext1 >>> 16)]);
        long ext3 = p.findExtension(3);
        assertEquals(2, ext3 & 0xFFFF);
        assertEquals(-1, p.findExtension(2));
    }

    @Test
    void settersRewriteInPlaceWithoutTouchingThePayload() throws Exception {
        byte[] copy = WITH_EXTENSIONS.clone();
        RtpPacket p = RtpPacket.parse(copy, 0, copy.length);
        p.setSequenceNumber(0);
        p.setSsrc(0xFFFFFFFFL);
        p.setTimestamp(0xFFFFFFFFL);
        p.setPayloadType(111);
        p.setMarker(false);
        RtpPacket again = RtpPacket.parse(copy, 0, copy.length);
        assertEquals(0, again.sequenceNumber());
        assertEquals(0xFFFFFFFFL, again.ssrc());
        assertEquals(0xFFFFFFFFL, again.timestamp());
        assertEquals(111, again.payloadType());
        assertFalse(again.marker());
        assertArrayEquals(new byte[] {(byte) 0x90, (byte) 0x80, 0x01}, again.payload());
    }

    @Test
    void createRoundTripsAndLeavesTailRoom() throws Exception {
        byte[] payload = {9, 8, 7};
        RtpPacket p = RtpPacket.create(111, 65535, 48000, 42, true, payload, 0, 3, 10);
        assertEquals(15, p.length());
        assertEquals(25, p.buffer().length, "room for the SRTP tag");
        RtpPacket parsed = RtpPacket.parse(p.buffer(), 0, p.length());
        assertEquals(65535, parsed.sequenceNumber());
        assertArrayEquals(payload, parsed.payload());
    }

    @Test
    void createWithExtensionRoundTripsTheElementAndThePayload() throws Exception {
        byte[] payload = {9, 8, 7};
        byte[] sendTime = {0x12, 0x34, 0x56};
        RtpPacket p = RtpPacket.createWithExtension(96, 7, 90000, 42, false, 3, sendTime, payload, 0, 3, 10);
        assertEquals(12 + 8 + 3, p.length(), "fixed header, 0xBEDE word, one padded word of extension");
        RtpPacket parsed = RtpPacket.parse(p.buffer(), 0, p.length());
        assertTrue(parsed.hasExtension());
        long element = parsed.findExtension(3);
        assertEquals(3, element & 0xFFFF, "element length");
        int at = (int) (element >>> 16);
        assertArrayEquals(sendTime, java.util.Arrays.copyOfRange(parsed.buffer(), at, at + 3));
        assertEquals(-1, parsed.findExtension(4));
        assertArrayEquals(payload, parsed.payload());
        assertThrows(IllegalArgumentException.class,
                () -> RtpPacket.createWithExtension(96, 7, 0, 42, false, 15, sendTime, payload, 0, 3, 0));
    }

    @Test
    void paddingIsExcludedFromThePayload() throws Exception {
        byte[] packet = {(byte) 0xA0, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 5, 6, 0, 0, 3};
        RtpPacket p = RtpPacket.parse(packet, 0, packet.length);
        assertTrue(p.hasPadding());
        assertEquals(2, p.payloadLength());
    }

    @ParameterizedTest
    @CsvSource({"65534, 65535, 1", "65535, 0, 1", "0, 65535, -1", "65534, 1, 3", "1, 65534, -3", "0, 32767, 32767"})
    void sequenceDeltaWrapsAround(int from, int to, int delta) {
        assertEquals(delta, SequenceNumbers.delta(from, to));
        assertEquals(delta > 0, SequenceNumbers.isNewer(to, from));
        assertEquals(to, SequenceNumbers.add(from, delta));
    }

    @Test
    void unwrapperExtendsAcrossTheWrapAndKeepsLatePacketsBelowIt() {
        SequenceUnwrapper u = new SequenceUnwrapper();
        assertEquals(65534, u.unwrap(65534));
        assertEquals(65535, u.unwrap(65535));
        assertEquals(65536, u.unwrap(0));
        assertEquals(65535, u.unwrap(65535), "a late packet from before the wrap");
        assertEquals(65537, u.unwrap(1));
    }

    @Test
    void everyTruncationIsRejectedOrParsedNeverThrowsUnchecked() {
        for (int len = 0; len < WITH_EXTENSIONS.length; len++) {
            try {
                RtpPacket p = RtpPacket.parse(WITH_EXTENSIONS, 0, len);
                assertTrue(p.headerLength() <= len);
            } catch (MalformedPacketException expected) {
                assertFalse(expected.getMessage().isEmpty());
            }
        }
        assertThrows(MalformedPacketException.class, () -> RtpPacket.parse(WITH_EXTENSIONS, 0, 23));
    }

    @Test
    void randomBytesNeverEscapeAsUncheckedExceptions() {
        Random random = new Random(7741);
        for (int i = 0; i < 20000; i++) {
            byte[] junk = new byte[random.nextInt(64)];
            random.nextBytes(junk);
            try {
                RtpPacket p = RtpPacket.parse(junk, 0, junk.length);
                p.findExtension(1 + random.nextInt(14));
                assertTrue(p.payloadLength() >= 0);
            } catch (MalformedPacketException expected) {
                // rejected cleanly
            }
        }
    }

    @Test
    void refusesVersionOtherThanTwo() {
        byte[] packet = WITH_EXTENSIONS.clone();
        packet[0] = 0x50;
        MalformedPacketException e = assertThrows(MalformedPacketException.class,
                () -> RtpPacket.parse(packet, 0, packet.length));
        assertTrue(e.getMessage().contains("version"));
    }
}
