package io.chorus.samples.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.core.rtp.AudioLevelExtension;
import io.chorus.core.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AudioSenderTest {
    private static final long SSRC = 0xCAFE_F00DL;
    private static final int TAIL = 32;
    private static AudioClip clip;

    @BeforeAll
    static void encode() {
        clip = AudioClip.encode(2);
    }

    /** Parses each packet as the server would, from a copy: the sender reuses its buffer. */
    private static final class Captured implements RtpSink {
        final List<RtpPacket> packets = new ArrayList<>();

        @Override
        public void send(byte[] packet, int length) {
            assertTrue(packet.length >= length + TAIL, "room for the SRTP tag");
            try {
                packets.add(RtpPacket.parse(Arrays.copyOf(packet, length), 0, length));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    private static byte levelByte(RtpPacket p) {
        long element = p.findExtension(OfferSdp.AUDIO_LEVEL_ID);
        assertEquals(1, element & 0xFFFF, "one-byte level element");
        return p.buffer()[(int) (element >>> 16)];
    }

    @Test
    void aListenerSendsOneSilencePacketEvery400MsWithContiguousSequenceNumbers() throws Exception {
        Captured sink = new Captured();
        long base = 0xFFFF_F000L;
        AudioSender listener = new AudioSender(clip, false, SSRC, 65_535, base, sink, TAIL);
        for (long tick = 0; tick < 61; tick++) {
            listener.tick(tick);
        }

        assertEquals(4, sink.packets.size(), "ticks 0, 20, 40 and 60");
        long[] ticks = {0, 20, 40, 60};
        int[] sequenceNumbers = {65_535, 0, 1, 2};
        for (int i = 0; i < ticks.length; i++) {
            RtpPacket p = sink.packets.get(i);
            assertEquals(sequenceNumbers[i], p.sequenceNumber());
            assertEquals((base + ticks[i] * 960) & 0xFFFF_FFFFL, p.timestamp(), "time runs on through the pause");
            assertEquals(SSRC, p.ssrc());
            assertEquals(OfferSdp.OPUS, p.payloadType());
            assertEquals(AudioLevelExtension.SILENCE, AudioLevelExtension.level(p, OfferSdp.AUDIO_LEVEL_ID));
            assertFalse(AudioLevelExtension.voiceActivity(levelByte(p)));
            assertArrayEquals(clip.silence().payload(), p.payload());
        }
        assertTrue(sink.packets.get(0).payloadLength() < clip.tone().get(0).payloadLength(),
                "Opus codes silence smaller than the tone");
    }

    @Test
    void aTalkerSendsEveryTickWithTheTonesLevel() throws Exception {
        Captured sink = new Captured();
        AudioSender talker = new AudioSender(clip, true, SSRC, 100, 5000, sink, TAIL);
        for (long tick = 0; tick < 60; tick++) {
            talker.tick(tick);
        }

        assertEquals(60, sink.packets.size());
        for (int i = 0; i < 60; i++) {
            RtpPacket p = sink.packets.get(i);
            assertEquals(100 + i, p.sequenceNumber());
            assertEquals(5000 + i * 960L, p.timestamp());
            // A 6000-peak sine: RMS 6000 / sqrt(2) = -17.8 dBov.
            assertEquals(18, AudioLevelExtension.level(p, OfferSdp.AUDIO_LEVEL_ID));
            assertTrue(AudioLevelExtension.voiceActivity(levelByte(p)));
            assertArrayEquals(clip.tone().get(i % clip.tone().size()).payload(), p.payload(), "the loop repeats");
        }
    }
}
