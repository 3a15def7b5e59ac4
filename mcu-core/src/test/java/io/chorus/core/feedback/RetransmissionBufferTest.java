package io.chorus.core.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.core.feedback.RetransmissionBuffer.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetransmissionBufferTest {
    private RetransmissionBuffer buffer = new RetransmissionBuffer();

    private static byte[] packetFor(int seq) {
        return new byte[] {(byte) 0x80, 96, (byte) (seq >> 8), (byte) seq, 42};
    }

    private void send(int seq, long nowMs) {
        buffer.store(seq, packetFor(seq), 4, nowMs);
    }

    private void assertResends(int seq, long nowMs) {
        StoredPacket packet = buffer.packetToResend(seq, nowMs);
        assertNotNull(packet, "seq " + seq);
        assertEquals(seq, packet.sequenceNumber());
        assertEquals(4, packet.length());
        assertEquals(seq >> 8 & 0xFF, packet.data()[2] & 0xFF);
        assertEquals(seq & 0xFF, packet.data()[3] & 0xFF);
    }

    private void assertMiss(Outcome expected, int seq, long nowMs) {
        long before = buffer.count(expected);
        assertNull(buffer.packetToResend(seq, nowMs), "seq " + seq);
        assertEquals(before + 1, buffer.count(expected), "seq " + seq);
    }

    @Test
    void findsPacketsAcrossTheWrap() {
        for (int seq : new int[] {65534, 65535, 0, 1}) {
            send(seq, 0);
        }
        for (int seq : new int[] {1, 65534, 0, 65535}) {
            assertResends(seq, 10);
        }
        assertEquals(4, buffer.count(Outcome.RESENT));
    }

    @Test
    void returnsTheCallersArray() {
        byte[] packet = packetFor(7);
        buffer.store(7, packet, 5, 0);
        StoredPacket stored = buffer.packetToResend(7, 0);
        assertSame(packet, stored.data());
        assertEquals(5, stored.length());
        assertEquals(0, stored.sentAtMs());
    }

    @Test
    void evictsBeyondMaxPackets() {
        buffer = new RetransmissionBuffer(4, 1000);
        for (int seq = 0; seq <= 5; seq++) {
            send(seq, 0);
        }
        assertMiss(Outcome.EVICTED, 0, 0);
        assertMiss(Outcome.EVICTED, 1, 0);
        for (int seq = 2; seq <= 5; seq++) {
            assertResends(seq, 0);
        }
    }

    @ParameterizedTest(name = "maxPackets {0}")
    @ValueSource(ints = {1, 3, 4, 600, 1024})
    void holdsExactlyMaxPacketsAcrossTheWrap(int maxPackets) {
        buffer = new RetransmissionBuffer(maxPackets, 1000);
        int first = 65536 - maxPackets / 2 - 1;
        int count = maxPackets + 1;
        for (int i = 0; i < count; i++) {
            send(first + i & 0xFFFF, 0);
        }
        assertMiss(Outcome.EVICTED, first, 0);
        for (int i = 1; i < count; i++) {
            assertResends(first + i & 0xFFFF, 0);
        }
    }

    @Test
    void refusesPacketsOlderThanMaxAge() {
        buffer = new RetransmissionBuffer(600, 1000);
        send(1, 0);
        send(2, 500);
        assertResends(1, 1000);
        assertMiss(Outcome.TOO_OLD, 1, 1001 + RetransmissionBuffer.DEFAULT_MIN_RESEND_INTERVAL_MS);
        assertResends(2, 1500);
        assertMiss(Outcome.TOO_OLD, 2, 1501 + RetransmissionBuffer.DEFAULT_MIN_RESEND_INTERVAL_MS);
    }

    @Test
    void countsNeverSentSequenceNumbers() {
        assertMiss(Outcome.NEVER_SENT, 5, 0);
        send(10, 0);
        send(11, 0);
        send(13, 0);
        assertMiss(Outcome.NEVER_SENT, 14, 0); // newer than the newest
        assertMiss(Outcome.NEVER_SENT, 9, 0); // before the first
        assertMiss(Outcome.NEVER_SENT, 12, 0); // skipped
        assertMiss(Outcome.NEVER_SENT, 65535, 0);
    }

    @Test
    void spacesResendsOfOnePacketByTheMinimumInterval() {
        send(1, 0);
        assertResends(1, 100);
        assertMiss(Outcome.SUPPRESSED, 1, 100 + RetransmissionBuffer.DEFAULT_MIN_RESEND_INTERVAL_MS - 1);
        assertResends(1, 100 + RetransmissionBuffer.DEFAULT_MIN_RESEND_INTERVAL_MS);

        buffer.setRttMs(50);
        assertMiss(Outcome.SUPPRESSED, 1, 159);
        assertResends(1, 160);
        assertThrows(IllegalArgumentException.class, () -> buffer.setRttMs(-1));
    }

    @Test
    void newPacketInASlotIsNotSuppressedByTheOldOnesResend() {
        buffer = new RetransmissionBuffer(2, 1000);
        send(0, 0);
        assertResends(0, 0);
        send(1, 0);
        send(2, 0);
        send(3, 0);
        send(4, 0); // same ring slot as 0
        assertResends(4, 1);
    }

    @Test
    void largeForwardJumpReleasesEverything() {
        buffer = new RetransmissionBuffer(4, 1000);
        for (int seq = 0; seq < 4; seq++) {
            send(seq, 0);
        }
        send(5000, 0);
        for (int seq = 0; seq < 4; seq++) {
            assertMiss(Outcome.EVICTED, seq, 0);
        }
        assertResends(5000, 0);
        assertMiss(Outcome.NEVER_SENT, 4999, 0);
    }

    @Test
    void lateStoreWithinTheWindowIsKeptAndOlderOneIgnored() {
        buffer = new RetransmissionBuffer(4, 1000);
        send(10, 0);
        send(12, 0);
        send(11, 0);
        assertResends(11, 0);
        send(20, 0);
        send(16, 0);
        assertMiss(Outcome.EVICTED, 16, 0);
    }

    @Test
    void aReportedRttOfOneMillisecondCannotMakeEveryNackAResend() {
        buffer.setRttMs(1);
        send(1, 0);
        assertResends(1, 100);
        assertMiss(Outcome.SUPPRESSED, 1, 100 + RetransmissionBuffer.DEFAULT_MIN_RESEND_INTERVAL_MS - 1);
        assertResends(1, 100 + RetransmissionBuffer.DEFAULT_MIN_RESEND_INTERVAL_MS);
    }

    @Test
    void resendsSpendABudgetThatSendingRefillsAtHalfItsBytes() {
        int size = 1200;
        for (int seq = 0; seq < 600; seq++) {
            buffer.store(seq, new byte[size], size, 0);
        }
        // A NACK for everything held: what is resent is bounded by the budget, not by the buffer.
        long resentBytes = 0;
        for (int seq = 0; seq < 600; seq++) {
            if (buffer.packetToResend(seq, 10) != null) {
                resentBytes += size;
            }
        }
        long budget = RetransmissionBuffer.MAX_BUDGET_BYTES;
        assertTrue(resentBytes <= budget && resentBytes > budget - size, "resent " + resentBytes);
        assertEquals(600 - resentBytes / size, buffer.count(Outcome.OVER_BUDGET));

        // Sending 10 more packets earns 5 packets' worth of resends.
        for (int seq = 600; seq < 610; seq++) {
            buffer.store(seq, new byte[size], size, 20);
        }
        int resentAfter = 0;
        for (int seq = 400; seq < 610; seq++) {
            if (buffer.packetToResend(seq, 30) != null) {
                resentAfter++;
            }
        }
        assertTrue(resentAfter == 5 || resentAfter == 6, "resent after refill " + resentAfter);
    }

    @Test
    void rejectsBadLimits() {
        assertThrows(IllegalArgumentException.class, () -> new RetransmissionBuffer(0, 1000));
        assertThrows(IllegalArgumentException.class,
                () -> new RetransmissionBuffer(RetransmissionBuffer.MAX_PACKETS_LIMIT + 1, 1000));
        assertThrows(IllegalArgumentException.class, () -> new RetransmissionBuffer(10, -1));
    }
}
