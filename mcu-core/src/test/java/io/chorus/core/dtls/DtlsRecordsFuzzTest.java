package io.chorus.core.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the post-handshake DTLS record check: it never throws, reads only its range, and what it
 * accepts is a sequence of whole records of the kinds a peer sends.
 */
class DtlsRecordsFuzzTest {
    private static final int OFFSET = 3;

    @FuzzTest(maxDuration = "5m")
    void wellFormed(byte[] datagram) {
        boolean accepted = DtlsRecords.wellFormed(datagram, 0, datagram.length);
        byte[] framed = new byte[OFFSET + datagram.length + 40];
        Arrays.fill(framed, (byte) 0x17);
        System.arraycopy(datagram, 0, framed, OFFSET, datagram.length);
        assertEquals(accepted, DtlsRecords.wellFormed(framed, OFFSET, datagram.length), "reads only its range");
        if (!accepted) {
            return;
        }
        int at = 0;
        while (at < datagram.length) {
            int type = datagram[at] & 0xFF;
            int epoch = ((datagram[at + 3] & 0xFF) << 8) | (datagram[at + 4] & 0xFF);
            int fragment = ((datagram[at + 11] & 0xFF) << 8) | (datagram[at + 12] & 0xFF);
            assertTrue(type >= 20 && type <= 23, "content type " + type);
            assertTrue(epoch > 0 ? fragment >= DtlsRecords.MIN_PROTECTED_FRAGMENT : type != 23,
                    "a protected record holds a tag; application data is never plain");
            at += DtlsRecords.HEADER_LENGTH + fragment;
        }
        assertEquals(datagram.length, at, "the records tile the datagram");
    }
}
