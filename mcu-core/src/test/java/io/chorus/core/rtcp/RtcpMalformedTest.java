package io.chorus.core.rtcp;

import io.chorus.core.MalformedPacketException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static io.chorus.core.rtcp.RtcpTestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

class RtcpMalformedTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "version 1,                         41c90001 | 00000001",
            "length past the end,               80c90002 | 00000001",
            "two stray trailing bytes,          80c90001 | 00000001 | 0000",
            "padding count zero,                a0c90002 | 00000001 | 00000000",
            "padding longer than body,          a0c90002 | 00000001 | 00000009",
            "SR lacks sender info,              80c80002 | 00000001 | 00000000",
            "SR count exceeds blocks,           81c80006 | 00000001 | 00000000 00000000 | 00000000 | 00000000 | 00000000",
            "RR count exceeds blocks,           81c90001 | 00000001",
            "RR without SSRC,                   80c90000",
            "SDES chunk without end item,       81ca0002 | 00000007 | 01026162",
            "SDES item past the end,            81ca0002 | 00000007 | 01056162",
            "SDES count exceeds chunks,         82ca0002 | 00000007 | 00000000",
            "SDES bytes after the chunks,       81ca0003 | 00000007 | 00000000 | 00000000",
            "BYE count exceeds SSRCs,           82cb0001 | 00000001",
            "BYE reason past the end,           81cb0002 | 00000001 | 08616263",
            "BYE words after the reason,        81cb0003 | 00000001 | 01610000 | 00000000",
            "feedback without media SSRC,       81cd0001 | 00000001",
            "PLI without media SSRC,            81ce0001 | 00000001",
            "NACK without FCI,                  81cd0002 | 00000001 | 00000002",
            "FIR without entries,               84ce0002 | 00000001 | 00000000",
            "FIR half entry,                    84ce0003 | 00000001 | 00000000 | 00000009",
            "REMB without bitrate word,         8fce0003 | 00000001 | 00000000 | 52454d42",
            "REMB count exceeds SSRCs,          8fce0005 | 00000001 | 00000000 | 52454d42 | 03000001 | 00000009",
            "REMB bitrate overflows long,       8fce0004 | 00000001 | 00000000 | 52454d42 | 00fc0001",
            "TCC without fixed FCI,             8fcd0003 | 00000001 | 00000002 | 00010001",
            "TCC chunks missing,                8fcd0004 | 00000001 | 00000002 | 00010001 | 00000000",
            "TCC reserved run symbol,           8fcd0005 | 00000001 | 00000002 | 00010001 | 00000000 | 60010000",
            "TCC reserved vector symbol,        8fcd0005 | 00000001 | 00000002 | 00010001 | 00000000 | f0000000",
            "TCC delta missing,                 8fcd0005 | 00000001 | 00000002 | 00010002 | 00000000 | 40020100",
            "TCC words after the deltas,        8fcd0006 | 00000001 | 00000002 | 00010001 | 00000000 | 20010100 | 00000000",
            "TCC reports 65535 packets in 20 bytes, 8fcd0009 | 00000001 | 00000002 | 0001ffff | 00000000 | 1fff1fff | 1fff1fff | 1fff1fff | 1fff1fff | 1fff0000",
    })
    void rejects(String why, String wire) {
        byte[] bytes = hex(wire);
        assertThrows(MalformedPacketException.class, () -> RtcpParser.parse(bytes, 0, bytes.length), why);
    }

    @Test
    void acceptsAsManyReportedPacketsAsTheLimit() throws MalformedPacketException {
        byte[] atLimit = hex("8fcd0005 | 00000001 | 00000002 | 00011000 | 00000000 | 10000000");
        TransportCcFeedback feedback = (TransportCcFeedback) RtcpParser.parse(atLimit, 0, atLimit.length).get(0);
        org.junit.jupiter.api.Assertions.assertEquals(TransportCcFeedback.MAX_REPORTED_PACKETS,
                feedback.packetStatusCount());
    }

    @Test
    void rejectsTextThatIsNotUtf8() {
        byte[] cname = new byte[4 + 4 + 2 + 255 + 1];
        cname[0] = (byte) 0x81;
        cname[1] = (byte) 202;
        cname[3] = (byte) (cname.length / 4 - 1);
        cname[8] = 1;
        cname[9] = (byte) 255;
        java.util.Arrays.fill(cname, 10, 10 + 255, (byte) 0xFF);
        assertThrows(MalformedPacketException.class, () -> RtcpParser.parse(cname, 0, cname.length));

        byte[] bye = hex("81cb0002 | 00000001 | 02c328 00"); // C3 opens a 2-byte sequence that 28 does not continue
        assertThrows(MalformedPacketException.class, () -> RtcpParser.parse(bye, 0, bye.length));
    }

    /** Random octets as CNAME and BYE reason: decoded when they are UTF-8, rejected otherwise. */
    @Test
    void randomTextNeverEscapesAsUncheckedExceptions() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            byte[] text = new byte[random.nextInt(256)];
            random.nextBytes(text);
            int sdesLength = RtcpHeader.alignTo4(4 + 4 + 2 + text.length + 1);
            byte[] sdes = new byte[sdesLength];
            RtcpHeader.write(sdes, 0, 1, RtcpHeader.SDES, sdesLength);
            sdes[8] = 1;
            sdes[9] = (byte) text.length;
            System.arraycopy(text, 0, sdes, 10, text.length);
            parseExpectingOnlyMalformed(sdes);

            int byeLength = RtcpHeader.alignTo4(4 + 1 + text.length);
            byte[] bye = new byte[byeLength];
            RtcpHeader.write(bye, 0, 0, RtcpHeader.BYE, byeLength);
            bye[4] = (byte) text.length;
            System.arraycopy(text, 0, bye, 5, text.length);
            parseExpectingOnlyMalformed(bye);
        }
    }

    @Test
    void rejectsEmptyInputAndRangesOutsideTheBuffer() {
        byte[] rr = hex("80c90001 | 00000001");
        assertThrows(MalformedPacketException.class, () -> RtcpParser.parse(rr, 0, 0));
        assertThrows(MalformedPacketException.class, () -> RtcpParser.parse(rr, 4, 8));
        assertThrows(MalformedPacketException.class, () -> RtcpParser.parse(rr, -1, 4));
        assertThrows(MalformedPacketException.class, () -> RtcpParser.parse(rr, 0, -4));
        assertThrows(MalformedPacketException.class, () -> RtcpParser.parse(rr, Integer.MAX_VALUE, 8));
        assertThrows(MalformedPacketException.class, () -> RtcpParser.parse(null, 0, 8));
    }

    /** Every prefix of a valid compound either ends on a packet boundary and parses, or is rejected. */
    @Test
    void everyTruncationOfValidCompoundsIsRejectedOrEndsOnABoundary() {
        for (RtcpPacket packet : RtcpRoundTripTest.packets().toList()) {
            List<RtcpPacket> compound = List.of(new ReceiverReport(1, List.of(RtcpRoundTripTest.BLOCK_A)), packet,
                    new Sdes(List.of(new Sdes.Chunk(1, "cname"))));
            byte[] wire = RtcpCompound.write(compound, 0);
            Set<Integer> boundaries = new HashSet<>();
            int boundary = 0;
            for (RtcpPacket p : compound) {
                boundary += p.length();
                boundaries.add(boundary);
            }
            for (int length = 0; length < wire.length; length++) {
                int truncated = length;
                if (boundaries.contains(truncated)) {
                    assertDoesNotThrow(() -> RtcpParser.parse(wire, 0, truncated), packet + " cut at " + truncated);
                } else {
                    assertThrows(MalformedPacketException.class, () -> RtcpParser.parse(wire, 0, truncated),
                            packet + " cut at " + truncated);
                }
            }
        }
    }

    @Test
    void randomBytesNeverEscapeAsUncheckedExceptions() {
        Random random = new Random(0x5EED);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(80)];
            random.nextBytes(bytes);
            if (bytes.length > 4 && random.nextBoolean()) {
                // Make most of them look plausible so parsing reaches the packet bodies.
                bytes[0] = (byte) (0x80 | (bytes[0] & 0x3F));
                bytes[1] = (byte) (200 + random.nextInt(7));
                bytes[2] = 0;
                bytes[3] = (byte) (bytes.length / 4 - 1);
            }
            parseExpectingOnlyMalformed(bytes);
        }
    }

    @Test
    void mutatedValidPacketsNeverEscapeAsUncheckedExceptions() {
        Random random = new Random(42);
        List<RtcpPacket> packets = RtcpRoundTripTest.packets().toList();
        for (int i = 0; i < 20_000; i++) {
            byte[] wire = RtcpCompound.write(List.of(packets.get(random.nextInt(packets.size()))), 0);
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                wire[random.nextInt(wire.length)] ^= (byte) (1 << random.nextInt(8));
            }
            parseExpectingOnlyMalformed(wire);
        }
    }

    private static void parseExpectingOnlyMalformed(byte[] bytes) {
        try {
            RtcpParser.parse(bytes, 0, bytes.length);
        } catch (MalformedPacketException expected) {
            // rejection is fine; anything unchecked is the bug this test hunts
        } catch (RuntimeException e) {
            fail("unchecked exception for " + java.util.HexFormat.of().formatHex(bytes), e);
        }
    }
}
