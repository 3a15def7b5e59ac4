package io.chorus.core.rtp.codec.vp8;

import static io.chorus.core.rtp.codec.vp8.Vp8Descriptor.ABSENT;
import static io.chorus.core.rtp.codec.vp8.Vp8Frames.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.chorus.core.MalformedPacketException;

class Vp8DescriptorTest {
    /** Each form of RFC 7741 section 4.2, as bytes and as the fields they mean. */
    static Stream<Arguments> forms() {
        return Stream.of(
                Arguments.of("X=0: one byte, S=1, PID 0", bytes(0x10),
                        new Vp8Descriptor(false, false, true, 0, ABSENT, false, ABSENT, ABSENT, false, ABSENT)),
                Arguments.of("X=0: N=1, S=0, PID 5", bytes(0x25),
                        new Vp8Descriptor(false, true, false, 5, ABSENT, false, ABSENT, ABSENT, false, ABSENT)),
                Arguments.of("X=1 with no optional field", bytes(0x90, 0x00),
                        new Vp8Descriptor(true, false, true, 0, ABSENT, false, ABSENT, ABSENT, false, ABSENT)),
                Arguments.of("I: 7-bit picture id 0x17", bytes(0x80, 0x80, 0x17),
                        new Vp8Descriptor(true, false, false, 0, 0x17, false, ABSENT, ABSENT, false, ABSENT)),
                Arguments.of("I: 15-bit picture id 0x1234", bytes(0x90, 0x80, 0x92, 0x34),
                        new Vp8Descriptor(true, false, true, 0, 0x1234, true, ABSENT, ABSENT, false, ABSENT)),
                Arguments.of("I+L+T+K: all fields", bytes(0x90, 0xF0, 0xFF, 0xFF, 0x05, 0xA3),
                        new Vp8Descriptor(true, false, true, 0, 0x7FFF, true, 5, 2, true, 3)),
                Arguments.of("L only", bytes(0x81, 0x40, 0xC8),
                        new Vp8Descriptor(true, false, false, 1, ABSENT, false, 200, ABSENT, false, ABSENT)),
                Arguments.of("T only: TID 1, Y=0", bytes(0x80, 0x20, 0x40),
                        new Vp8Descriptor(true, false, false, 0, ABSENT, false, ABSENT, 1, false, ABSENT)),
                Arguments.of("K only: KEYIDX 31", bytes(0x80, 0x10, 0x1F),
                        new Vp8Descriptor(true, false, false, 0, ABSENT, false, ABSENT, ABSENT, false, 31)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void parsesEachForm(String name, byte[] wire, Vp8Descriptor expected) throws Exception {
        byte[] packet = Arrays.copyOf(wire, wire.length + 3); // followed by VP8 payload
        Vp8Descriptor parsed = Vp8Descriptor.parse(packet, 0, packet.length);
        assertEquals(expected, parsed);
        assertEquals(wire.length, parsed.length());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void writesEachFormByteForByte(String name, byte[] wire, Vp8Descriptor descriptor) {
        byte[] out = new byte[wire.length + 2];
        assertEquals(wire.length, descriptor.write(out, 1));
        assertArrayEquals(wire, Arrays.copyOfRange(out, 1, 1 + wire.length));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everyTruncationIsRejected(String name, byte[] wire, Vp8Descriptor descriptor) {
        for (int length = 0; length < wire.length; length++) {
            int n = length;
            assertThrows(MalformedPacketException.class, () -> Vp8Descriptor.parse(wire, 0, n), "length " + n);
        }
    }

    @Test
    void parsesAtAnOffsetAndIgnoresReservedBits() throws Exception {
        // R bits of the first byte (0x40, 0x08) and RSV bits of the extension byte (0x0F) set.
        byte[] packet = bytes(0xEE, 0xEE, 0xC8, 0x8F, 0x7F, 0x42);
        Vp8Descriptor d = Vp8Descriptor.parse(packet, 2, 4);
        assertEquals(new Vp8Descriptor(true, false, false, 0, 0x7F, false, ABSENT, ABSENT, false, ABSENT), d);
        assertEquals(3, d.length());
    }

    @Test
    void theServerFormCarriesA15BitPictureId() {
        byte[] out = new byte[4];
        Vp8Descriptor.withPictureId(false, 0x0102).write(out, 0);
        assertArrayEquals(bytes(0x80, 0x80, 0x81, 0x02), out);
    }

    @Test
    void impossibleFieldValuesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Vp8Descriptor(true, false, false, 0, 0x80, false, ABSENT, ABSENT, false, ABSENT));
        assertThrows(IllegalArgumentException.class,
                () -> new Vp8Descriptor(true, false, false, 8, ABSENT, false, ABSENT, ABSENT, false, ABSENT));
        assertThrows(IllegalArgumentException.class,
                () -> new Vp8Descriptor(false, false, false, 0, 1, false, ABSENT, ABSENT, false, ABSENT));
        assertThrows(IllegalArgumentException.class,
                () -> new Vp8Descriptor(true, false, false, 0, ABSENT, false, ABSENT, ABSENT, true, ABSENT));
    }
}
