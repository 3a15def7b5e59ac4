package io.chorus.core.rtp.codec;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test support for the depacketizer fuzz tests: a fuzzer's bytes read as a stream of RTP packets, and the
 * frames a depacketizer makes of them packetized again. Each packet is a control byte, a big-endian 16-bit
 * payload length and the payload (cut short where the input ends):
 * <pre>
 * control bit 0:    marker
 * control bits 1-2: timestamp change: 0 none, 1 one frame on (3000 for video, 960 for Opus), 2 one frame
 *                   back, 3 two frames on (so two packets of consecutive frames can swap places)
 * control bits 3-7: sequence number step + 15 (so 0x80 means +1); 31 jumps 16000 ahead, as a restarted
 *                   sender does
 * </pre>
 * Sequence numbers start at {@value #FIRST_SEQUENCE}, so the wrap to 0 comes early.
 */
public final class FuzzedRtpStream {
    public static final int FIRST_SEQUENCE = 65530;
    public static final long FIRST_TIMESTAMP = 1000;
    private static final int STEP_BIAS = 15;
    private static final int JUMP = 31;
    private static final int JUMP_LENGTH = 16000;
    private static final int[] TIMESTAMP_STEPS = {0, 1, -1, 2};

    private FuzzedRtpStream() {
    }

    public static List<RtpPacket> decode(byte[] input, long timestampStep) {
        List<RtpPacket> packets = new ArrayList<>();
        int seq = (FIRST_SEQUENCE - 1) & 0xFFFF;
        long timestamp = FIRST_TIMESTAMP;
        int pos = 0;
        while (pos + 3 <= input.length) {
            int control = input[pos] & 0xFF;
            int length = ((input[pos + 1] & 0xFF) << 8) | (input[pos + 2] & 0xFF);
            pos += 3;
            byte[] payload = Arrays.copyOfRange(input, pos, Math.min(input.length, pos + length));
            pos += payload.length;
            int step = control >>> 3;
            seq = (seq + (step == JUMP ? JUMP_LENGTH : step - STEP_BIAS)) & 0xFFFF;
            timestamp = (timestamp + TIMESTAMP_STEPS[(control >>> 1) & 0x03] * timestampStep) & 0xFFFFFFFFL;
            packets.add(RtpStreams.packet(seq, timestamp, (control & 0x01) != 0, payload));
        }
        return packets;
    }

    /**
     * The inverse of {@link #decode} for packets whose sequence numbers step by -15..15 from
     * {@link #FIRST_SEQUENCE} - 1 and whose timestamps stay or step by one frame either way: writes seeds.
     */
    public static byte[] encode(List<RtpPacket> packets, long timestampStep) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int seq = (FIRST_SEQUENCE - 1) & 0xFFFF;
        long timestamp = FIRST_TIMESTAMP;
        for (RtpPacket p : packets) {
            int step = (short) (p.sequenceNumber() - seq);
            int timestampChange = -1;
            for (int i = 0; i < TIMESTAMP_STEPS.length; i++) {
                if (p.timestamp() == ((timestamp + TIMESTAMP_STEPS[i] * timestampStep) & 0xFFFFFFFFL)) {
                    timestampChange = i;
                }
            }
            if (step < -STEP_BIAS || step > JUMP - 1 - STEP_BIAS || timestampChange < 0) {
                throw new IllegalArgumentException("packet " + p.sequenceNumber() + " cannot be encoded");
            }
            out.write(((step + STEP_BIAS) << 3) | (timestampChange << 1) | (p.marker() ? 0x01 : 0));
            out.write(p.payloadLength() >>> 8);
            out.write(p.payloadLength());
            out.write(p.buffer(), p.payloadOffset(), p.payloadLength());
            seq = p.sequenceNumber();
            timestamp = p.timestamp();
        }
        return out.toByteArray();
    }

    /** Pushes every packet; a packet may be refused as malformed, anything else thrown fails the fuzz test. */
    public static List<EncodedFrame> pushAll(Depacketizer depacketizer, List<RtpPacket> packets) {
        List<EncodedFrame> frames = new ArrayList<>();
        for (RtpPacket packet : packets) {
            try {
                List<EncodedFrame> out = depacketizer.push(packet);
                frames.addAll(out);
            } catch (MalformedPacketException refused) {
                assertTrue(refused.getMessage() != null && !refused.getMessage().isEmpty());
            }
        }
        return frames;
    }

    /**
     * Video frames packetized again from sequence number 1 with the project's packetizer and pushed through a
     * fresh depacketizer, which must take every packet. Sequence number 0 is an empty (padding) packet, so
     * the first frame begins after it whatever its first payload says, as frames did in the original stream.
     */
    public static List<EncodedFrame> depacketizeAgain(String encoding, List<EncodedFrame> frames, int mtu)
            throws MalformedPacketException {
        List<RtpPacket> packets = new ArrayList<>();
        packets.add(RtpStreams.packet(0, frames.isEmpty() ? 0 : frames.get(0).timestamp(), false, new byte[0]));
        packets.addAll(RtpStreams.packetize(PayloadFormats.packetizer(encoding, mtu), frames, 1, mtu));
        Depacketizer again = PayloadFormats.depacketizer(encoding);
        List<EncodedFrame> out = RtpStreams.pushAll(again, packets);
        assertEquals(0, again.framesDropped(), "frames dropped on the second pass");
        return out;
    }

    /** Same codec data, timestamp, key-frame flag and picture size, frame by frame. */
    public static void assertSameFrames(List<EncodedFrame> expected, List<EncodedFrame> actual) {
        assertEquals(expected.size(), actual.size(), "frame count");
        for (int i = 0; i < expected.size(); i++) {
            EncodedFrame e = expected.get(i);
            EncodedFrame a = actual.get(i);
            assertTrue(Arrays.equals(e.data(), a.data()), "frame " + i + " data");
            assertEquals(e.timestamp(), a.timestamp(), "frame " + i + " timestamp");
            assertEquals(e.keyFrame(), a.keyFrame(), "frame " + i + " key frame");
            assertEquals(e.width(), a.width(), "frame " + i + " width");
            assertEquals(e.height(), a.height(), "frame " + i + " height");
        }
    }

    /** What every video depacketizer promises about the frames it releases. */
    public static void assertVideoFrameRules(List<EncodedFrame> frames) {
        if (!frames.isEmpty()) {
            assertTrue(frames.get(0).keyFrame(), "the first frame released is not a key frame");
        }
        for (EncodedFrame frame : frames) {
            assertTrue(frame.data().length > 0, "empty frame");
            if (!frame.keyFrame()) {
                assertEquals(0, frame.width());
                assertEquals(0, frame.height());
            }
            int span = (frame.lastSequence() - frame.firstSequence()) & 0xFFFF;
            assertTrue(span < VideoFrameAssembler.DEFAULT_CAPACITY, "frame spans " + span + " sequence numbers");
        }
    }
}
