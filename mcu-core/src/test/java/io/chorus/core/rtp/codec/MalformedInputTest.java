package io.chorus.core.rtp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.chorus.core.rtp.RtpPacket;

/**
 * Whatever arrives, a depacketizer answers with frames, nothing, or MalformedPacketException, and
 * a good stream that follows still gets through.
 */
class MalformedInputTest {
    /** A key frame every 4 frames, valid for all three formats' key-frame rules. */
    private static List<EncodedFrame> frames(String encoding, Random random) {
        List<EncodedFrame> frames = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            boolean key = i % 4 == 0;
            byte[] data = new byte[10 + random.nextInt(encoding.equals("opus") ? 400 : 3000)];
            random.nextBytes(data);
            switch (encoding) {
                case "VP8" -> {
                    byte[] header = key ? new byte[] {0x10, 0, 0, (byte) 0x9D, 0x01, 0x2A, 64, 0, 48, 0}
                            : new byte[] {0x11};
                    System.arraycopy(header, 0, data, 0, header.length);
                }
                case "H264" -> {
                    for (int j = 0; j < data.length; j++) {
                        data[j] = data[j] == 0 ? 1 : data[j];
                    }
                    data[0] = 0;
                    data[1] = 0;
                    data[2] = 0;
                    data[3] = 1;
                    data[4] = (byte) (key ? 0x65 : 0x41);
                }
                default -> data[0] = 0x78;
            }
            frames.add(new EncodedFrame(data, 3000L * i, key, 0, 0));
        }
        return frames;
    }

    @ParameterizedTest
    @ValueSource(strings = {"VP8", "H264", "opus"})
    void truncationsOfEveryPacketAndRandomBytesOnlyEverFailAsMalformed(String encoding) throws Exception {
        Random random = new Random(encoding.hashCode());
        List<RtpPacket> valid = RtpStreams.packetize(PayloadFormats.packetizer(encoding, 500),
                frames(encoding, random), 60000, 500);
        Depacketizer depacketizer = PayloadFormats.depacketizer(encoding);
        int seq = 61000;
        int rejected = 0;
        for (RtpPacket p : valid) {
            for (int length = 0; length < p.payloadLength(); length += 1 + length / 8) {
                byte[] cut = Arrays.copyOfRange(p.buffer(), p.payloadOffset(), p.payloadOffset() + length);
                rejected += RtpStreams.rejects(depacketizer, RtpStreams.packet(seq++, p.timestamp(), p.marker(), cut))
                        ? 1 : 0;
            }
        }
        for (int i = 0; i < 20_000; i++) {
            byte[] payload = new byte[random.nextInt(64)];
            random.nextBytes(payload);
            // Mostly in sequence, so that the payload gets parsed; now and then anywhere at all.
            int at = i % 16 == 0 ? random.nextInt(65536) : seq++;
            RtpPacket p = RtpStreams.packet(at, random.nextInt(4) * 3000L, random.nextBoolean(), payload);
            rejected += RtpStreams.rejects(depacketizer, p) ? 1 : 0;
        }
        assertTrue(rejected > 1000, "malformed input was noticed: " + rejected);

        // A sender restart to a fresh numbering, then the good stream: it gets through.
        Depacketizer recovering = PayloadFormats.depacketizer(encoding);
        for (int i = 0; i < 500; i++) {
            byte[] payload = new byte[random.nextInt(64)];
            random.nextBytes(payload);
            RtpStreams.rejects(recovering, RtpStreams.packet(20000 + i, 0, random.nextBoolean(), payload));
        }
        List<EncodedFrame> out = RtpStreams.pushAll(recovering, valid);
        // The first packet of the new numbering is only believed once the second follows it, so the
        // first frame is lost, and with video the delta frames up to the next key frame.
        List<EncodedFrame> sent = frames(encoding, new Random(encoding.hashCode()));
        int lost = encoding.equals("opus") ? 1 : 4;
        assertEquals(sent.size() - lost, out.size());
        for (int i = 0; i < out.size(); i++) {
            assertEquals(sent.get(lost + i).timestamp(), out.get(i).timestamp());
            assertTrue(Arrays.equals(sent.get(lost + i).data(), out.get(i).data()), "frame " + (lost + i));
        }
    }
}
