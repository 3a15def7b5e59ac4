package io.chorus.core.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.Test;

class DtlsRecordsTest {

    private static byte[] record(int type, int epoch, int fragmentLength) {
        byte[] r = new byte[DtlsRecords.HEADER_LENGTH + fragmentLength];
        r[0] = (byte) type;
        r[1] = (byte) 0xFE;
        r[2] = (byte) 0xFD;
        r[3] = (byte) (epoch >> 8);
        r[4] = (byte) epoch;
        r[10] = 7;
        r[11] = (byte) (fragmentLength >> 8);
        r[12] = (byte) fragmentLength;
        return r;
    }

    private static byte[] datagram(byte[]... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] r : records) {
            out.writeBytes(r);
        }
        return out.toByteArray();
    }

    private static boolean ok(byte[] datagram) {
        return DtlsRecords.wellFormed(datagram, 0, datagram.length);
    }

    @Test
    void recordsAPeerSendsAfterTheHandshakePass() {
        assertTrue(ok(record(23, 1, 40)), "protected application data");
        assertTrue(ok(record(21, 1, 26)), "a protected alert (close_notify)");
        assertTrue(ok(record(21, 0, 2)), "a plain alert");
        // A client's retransmitted last flight: ChangeCipherSpec in epoch 0, Finished protected in epoch 1.
        assertTrue(ok(datagram(record(20, 0, 1), record(22, 1, 40))));
        assertTrue(ok(record(22, 0, 100)), "a retransmitted handshake message");
    }

    @Test
    void recordsNoPeerSendsAreRefused() {
        assertFalse(ok(record(22, 1, 1)), "a protected record too short for any tag");
        assertFalse(ok(record(23, 0, 10)), "application data in the clear");
        assertFalse(ok(record(22, 0, 5)), "a handshake fragment shorter than its header");
        assertFalse(ok(record(20, 0, 2)), "ChangeCipherSpec is one byte");
        assertFalse(ok(record(24, 1, 40)), "heartbeat and unknown content types");
        byte[] wrongVersion = record(23, 1, 40);
        wrongVersion[2] = 0x01;
        assertFalse(ok(wrongVersion), "TLS, not DTLS");
        byte[] overlong = record(23, 1, 40);
        overlong[12] = 41;
        assertFalse(ok(overlong), "a length past the datagram");
        assertFalse(ok(datagram(record(23, 1, 40), new byte[5])), "a trailing partial header");
        assertFalse(ok(new byte[0]));
    }

    @Test
    void everyTruncationOfAGoodDatagramIsRefusedWithoutThrowingButAtARecordBoundary() {
        byte[] good = datagram(record(20, 0, 1), record(22, 1, 40));
        int boundary = DtlsRecords.HEADER_LENGTH + 1;
        for (int length = 0; length < good.length; length++) {
            int cut = length;
            assertEquals(cut == boundary, DtlsRecords.wellFormed(good, 0, cut), "truncated to " + cut);
        }
    }
}
