package io.chorus.mixer.codec;

import static io.chorus.mixer.audio.AudioFormat.SAMPLES_PER_FRAME;
import static io.chorus.mixer.audio.AudioFormat.SAMPLE_RATE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every test runs on both libraries: the system's libopus and FFmpeg's bundled one must behave alike. */
class OpusCodecTest {
    private static final double TONE_HZ = 440;
    private static final double OTHER_HZ = 1000;

    @ParameterizedTest
    @ValueSource(strings = {OpusLibrary.SYSTEM, OpusLibrary.BUNDLED})
    void toneSurvivesTheRoundTrip(String library) {
        OpusLibrary opus = OpusLibrary.choose(library);
        short[] out = new short[OpusDecoder.MAX_SAMPLES];
        short[] last = new short[SAMPLES_PER_FRAME];
        try (OpusEncoder encoder = opus.openEncoder(32_000); OpusDecoder decoder = opus.openDecoder()) {
            for (int frame = 0; frame < 25; frame++) {
                byte[] packet = encoder.encode(tone(frame));
                assertTrue(packet.length > 0 && packet.length <= OpusEncoder.MAX_PACKET_BYTES);
                assertEquals(SAMPLES_PER_FRAME, decoder.decode(packet, 0, packet.length, out));
                System.arraycopy(out, 0, last, 0, SAMPLES_PER_FRAME);
            }
            assertEquals(0, decoder.corruptPackets());
        }
        double ratioDb = 10 * Math.log10(goertzel(last, TONE_HZ) / goertzel(last, OTHER_HZ));
        assertTrue(ratioDb > 20, "440 Hz stands " + ratioDb + " dB over 1 kHz");
        assertTrue(rms(last) > 3000, "the tone keeps its level: rms " + rms(last));
    }

    @ParameterizedTest
    @ValueSource(strings = {OpusLibrary.SYSTEM, OpusLibrary.BUNDLED})
    void eachLibraryDecodesTheOthersPackets(String library) {
        OpusLibrary encoding = OpusLibrary.choose(library);
        OpusLibrary decoding = OpusLibrary.choose(library.equals(OpusLibrary.SYSTEM) ? OpusLibrary.BUNDLED : OpusLibrary.SYSTEM);
        short[] out = new short[OpusDecoder.MAX_SAMPLES];
        try (OpusEncoder encoder = encoding.openEncoder(32_000); OpusDecoder decoder = decoding.openDecoder()) {
            for (int frame = 0; frame < 25; frame++) {
                byte[] packet = encoder.encode(tone(frame));
                assertEquals(SAMPLES_PER_FRAME, decoder.decode(packet, 0, packet.length, out));
            }
        }
        assertTrue(goertzel(out, TONE_HZ) > 100 * goertzel(out, OTHER_HZ), "the tone crosses from " + library);
        assertTrue(rms(Arrays.copyOf(out, SAMPLES_PER_FRAME)) > 3000, "at its level");
    }

    @ParameterizedTest
    @ValueSource(strings = {OpusLibrary.SYSTEM, OpusLibrary.BUNDLED})
    void concealmentContinuesTheToneAndDecodingGoesOn(String library) {
        OpusLibrary opus = OpusLibrary.choose(library);
        short[] out = new short[OpusDecoder.MAX_SAMPLES];
        try (OpusEncoder encoder = opus.openEncoder(32_000); OpusDecoder decoder = opus.openDecoder()) {
            int frame = 0;
            for (; frame < 10; frame++) {
                byte[] packet = encoder.encode(tone(frame));
                decoder.decode(packet, 0, packet.length, out);
            }
            short[] concealed = new short[SAMPLES_PER_FRAME];
            assertEquals(SAMPLES_PER_FRAME, decoder.conceal(concealed, SAMPLES_PER_FRAME));
            assertTrue(rms(concealed) > 300, "concealment continues the sound: rms " + rms(concealed));
            short[] twoLost = new short[2 * SAMPLES_PER_FRAME + 480];
            assertEquals(twoLost.length, decoder.conceal(twoLost, twoLost.length), "50 ms: 20 + 20 + 10 ms pieces");
            short[] odd = new short[1000];
            assertEquals(1000, decoder.conceal(odd, 1000), "20 ms and part of a 10 ms step");
            assertTrue(rms(Arrays.copyOfRange(odd, 960, 1000)) > 0, "the partial step is concealment too");
            frame += 4;
            for (; frame < 20; frame++) {
                byte[] packet = encoder.encode(tone(frame));
                assertEquals(SAMPLES_PER_FRAME, decoder.decode(packet, 0, packet.length, out));
            }
            assertTrue(goertzel(out, TONE_HZ) > 100 * goertzel(out, OTHER_HZ), "decoding recovers after the loss");
            assertEquals(0, decoder.corruptPackets());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {OpusLibrary.SYSTEM, OpusLibrary.BUNDLED})
    void concealmentBeforeAnyPacketIsSilence(String library) {
        OpusLibrary opus = OpusLibrary.choose(library);
        try (OpusDecoder decoder = opus.openDecoder()) {
            short[] out = new short[SAMPLES_PER_FRAME];
            out[5] = 77;
            assertEquals(SAMPLES_PER_FRAME, decoder.conceal(out, SAMPLES_PER_FRAME));
            assertArrayEquals(new short[SAMPLES_PER_FRAME], out);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {OpusLibrary.SYSTEM, OpusLibrary.BUNDLED})
    void multiFramePacketsReturnTheirRealLength(String library) {
        OpusLibrary opus = OpusLibrary.choose(library);
        List<byte[]> packets = new ArrayList<>();
        short[] out = new short[OpusDecoder.MAX_SAMPLES];
        try (OpusEncoder encoder = opus.openEncoder(32_000); OpusDecoder decoder = opus.openDecoder()) {
            for (int frame = 0; frame < 6; frame++) {
                packets.add(encoder.encode(tone(frame)));
            }
            byte[] sixtyMs = code3Packet(packets.subList(3, 6));
            assertEquals(3 * SAMPLES_PER_FRAME, decoder.decode(sixtyMs, 0, sixtyMs.length, out));
            short[] tooSmall = new short[SAMPLES_PER_FRAME];
            assertThrows(IllegalArgumentException.class, () -> decoder.decode(sixtyMs, 0, sixtyMs.length, tooSmall));

            byte[] padded = new byte[packets.get(0).length + 4];
            System.arraycopy(packets.get(0), 0, padded, 2, packets.get(0).length);
            assertEquals(SAMPLES_PER_FRAME, decoder.decode(padded, 2, packets.get(0).length, out), "offset honoured");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {OpusLibrary.SYSTEM, OpusLibrary.BUNDLED})
    void badPacketsGiveNothingAndAreCounted(String library) {
        OpusLibrary opus = OpusLibrary.choose(library);
        short[] out = new short[OpusDecoder.MAX_SAMPLES];
        try (OpusEncoder encoder = opus.openEncoder(32_000); OpusDecoder decoder = opus.openDecoder()) {
            assertEquals(0, decoder.decode(new byte[0], 0, 0, out));
            assertEquals(0, decoder.decode(new byte[] {(byte) 0xFB, 0}, 0, 2, out), "code 3 with no frames");
            assertEquals(0, decoder.decode(new byte[] {(byte) 0xF9, 1, 2, 3}, 0, 4, out), "code 1 with an odd payload");
            assertEquals(3, decoder.corruptPackets());
            byte[] packet = encoder.encode(tone(0));
            assertEquals(SAMPLES_PER_FRAME, decoder.decode(packet, 0, packet.length, out), "a good packet still decodes");
            assertThrows(IndexOutOfBoundsException.class, () -> decoder.decode(packet, 1, packet.length, out));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {OpusLibrary.SYSTEM, OpusLibrary.BUNDLED})
    void setBitrateChangesThePacketSizes(String library) {
        OpusLibrary opus = OpusLibrary.choose(library);
        short[] out = new short[OpusDecoder.MAX_SAMPLES];
        try (OpusEncoder encoder = opus.openEncoder(64_000); OpusDecoder decoder = opus.openDecoder()) {
            int high = 0;
            int frame = 0;
            for (; frame < 25; frame++) {
                byte[] packet = encoder.encode(noisyTone(frame));
                high += packet.length;
                decoder.decode(packet, 0, packet.length, out);
            }
            encoder.setBitrate(12_000);
            assertEquals(12_000, encoder.bitrate());
            int low = 0;
            for (; frame < 50; frame++) {
                byte[] packet = encoder.encode(noisyTone(frame));
                low += packet.length;
                assertEquals(SAMPLES_PER_FRAME, decoder.decode(packet, 0, packet.length, out));
            }
            assertTrue(low * 3 < high, "25 packets took " + low + " bytes at 12 kb/s and " + high + " at 64 kb/s");
            assertThrows(IllegalArgumentException.class, () -> encoder.setBitrate(1_000));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {OpusLibrary.SYSTEM, OpusLibrary.BUNDLED})
    void closeIsIdempotentAndUseAfterCloseThrows(String library) {
        OpusLibrary opus = OpusLibrary.choose(library);
        OpusEncoder encoder = opus.openEncoder(32_000);
        OpusDecoder decoder = opus.openDecoder();
        byte[] packet = encoder.encode(tone(0));
        encoder.close();
        encoder.close();
        decoder.close();
        decoder.close();
        short[] out = new short[SAMPLES_PER_FRAME];
        assertThrows(IllegalStateException.class, () -> encoder.encode(tone(1)));
        assertThrows(IllegalStateException.class, () -> encoder.setBitrate(20_000));
        assertThrows(IllegalStateException.class, () -> decoder.decode(packet, 0, packet.length, out));
        assertThrows(IllegalStateException.class, () -> decoder.conceal(out, SAMPLES_PER_FRAME));
    }

    @ParameterizedTest
    @ValueSource(strings = {OpusLibrary.SYSTEM, OpusLibrary.BUNDLED})
    void rejectsBadArguments(String library) {
        OpusLibrary opus = OpusLibrary.choose(library);
        assertThrows(IllegalArgumentException.class, () -> opus.openEncoder(1_000));
        try (OpusEncoder encoder = opus.openEncoder(32_000); OpusDecoder decoder = opus.openDecoder()) {
            assertThrows(IllegalArgumentException.class, () -> encoder.encode(new short[480]));
            short[] out = new short[SAMPLES_PER_FRAME];
            assertThrows(IllegalArgumentException.class, () -> decoder.conceal(out, 0));
            assertThrows(IllegalArgumentException.class, () -> decoder.conceal(out, 1920), "larger than out");
        }
    }

    /** Joins single-frame packets of one configuration into one code-3 (VBR) packet, RFC 6716 3.2.5. */
    private static byte[] code3Packet(List<byte[]> singleFrames) {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write((singleFrames.get(0)[0] & 0xFC) | 3);
        packet.write(0x80 | singleFrames.size());
        for (int i = 0; i < singleFrames.size() - 1; i++) {
            int length = singleFrames.get(i).length - 1;
            assertTrue(length < 252, "one-byte frame length");
            assertEquals(singleFrames.get(0)[0], singleFrames.get(i)[0], "same TOC throughout");
            packet.write(length);
        }
        for (byte[] frame : singleFrames) {
            packet.write(frame, 1, frame.length - 1);
        }
        return packet.toByteArray();
    }

    private static short[] tone(int frame) {
        short[] pcm = new short[SAMPLES_PER_FRAME];
        for (int i = 0; i < pcm.length; i++) {
            long n = (long) frame * SAMPLES_PER_FRAME + i;
            pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * TONE_HZ * n / SAMPLE_RATE));
        }
        return pcm;
    }

    /** A tone with broadband noise on top, which needs bits at any rate. */
    private static short[] noisyTone(int frame) {
        short[] pcm = tone(frame);
        Random random = new Random(frame);
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] += (short) random.nextInt(4000) - 2000;
        }
        return pcm;
    }

    /** Power at one frequency over the first 960 samples (Goertzel). */
    private static double goertzel(short[] samples, double hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / SAMPLE_RATE);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = 0; i < SAMPLES_PER_FRAME; i++) {
            double current = samples[i] + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
    }

    private static double rms(short[] samples) {
        double sum = 0;
        for (short sample : samples) {
            sum += (double) sample * sample;
        }
        return Math.sqrt(sum / samples.length);
    }
}
