package io.chorus.core.rtcp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.chorus.core.MalformedPacketException;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Fuzzes the compound RTCP parser and, through it, every packet type's parser. Contract: input is either
 * rejected with {@link MalformedPacketException} or parses to packets that {@link RtcpCompound#write}
 * writes back into bytes that parse to the same packets, and whose second writing is byte for byte the
 * first. Without JAZZER_FUZZ this replays the inputs under {@code RtcpParserFuzzTestInputs/parse/}.
 */
class RtcpParserFuzzTest {
    private static final int OFFSET = 7;

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] compound) throws MalformedPacketException {
        // Framed by bytes of a valid RR header on both sides, so a read outside the range shows.
        byte[] framed = new byte[OFFSET + compound.length + 8];
        Arrays.fill(framed, (byte) 0x81);
        System.arraycopy(compound, 0, framed, OFFSET, compound.length);
        List<RtcpPacket> packets;
        try {
            packets = RtcpParser.parse(framed, OFFSET, compound.length);
        } catch (MalformedPacketException rejected) {
            assertThrows(MalformedPacketException.class, () -> RtcpParser.parse(compound, 0, compound.length),
                    "rejected at an offset but accepted alone");
            return;
        }
        assertFalse(packets.isEmpty());
        assertEquals(packets, RtcpParser.parse(compound, 0, compound.length));
        for (RtcpPacket packet : packets) {
            assertEquals(0, packet.length() % 4, packet + " is not a whole number of words");
        }

        byte[] written = RtcpCompound.write(packets, 0);
        assertEquals(RtcpCompound.length(packets), written.length);
        List<RtcpPacket> reparsed = RtcpParser.parse(written, 0, written.length);
        assertEquals(packets, reparsed);
        assertArrayEquals(written, RtcpCompound.write(reparsed, 0));
    }
}
