package io.chorus.core.rtp.codec.opus;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.FuzzedRtpStream;
import io.chorus.core.rtp.codec.RtpPayload;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes Opus depacketization (RFC 7587) and the packet framing checks of RFC 6716 section 3.4 behind it,
 * on a stream of packets read by {@link FuzzedRtpStream}. Contract: a packet is refused only with
 * {@link MalformedPacketException}, and exactly when {@link OpusPacket#parse} refuses it; an accepted packet
 * comes out at once as one frame holding its payload, unless it is late or a duplicate; the loss counters
 * only grow; the TOC-only duration agrees with the full parse; concealment TOCs keep the stream's mode and
 * channels; and a frame packetized again by {@link OpusPacketizer} is the same Opus packet. Without
 * JAZZER_FUZZ this replays the inputs under {@code OpusDepacketizerFuzzTestInputs/depacketize/}.
 */
class OpusDepacketizerFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void depacketize(byte[] input) {
        OpusDepacketizer depacketizer = new OpusDepacketizer();
        OpusPacketizer packetizer = new OpusPacketizer();
        long lost = 0;
        long dropped = 0;
        for (RtpPacket packet : FuzzedRtpStream.decode(input, 960)) {
            byte[] payload = packet.payload();
            OpusPacket parsed;
            try {
                parsed = OpusPacket.parse(payload, 0, payload.length);
            } catch (MalformedPacketException refused) {
                parsed = null;
            }
            List<EncodedFrame> frames;
            try {
                frames = depacketizer.push(packet);
            } catch (MalformedPacketException refused) {
                assertEquals(null, parsed, "depacketizer refused a packet OpusPacket accepts");
                continue;
            }
            assertTrue(parsed != null, "depacketizer took a packet OpusPacket refuses");
            assertTrue(depacketizer.packetsLost() >= lost && depacketizer.framesDropped() >= dropped);
            assertTrue(depacketizer.lostBeforeLastFrame() >= 0);
            if (frames.isEmpty()) {
                assertEquals(dropped + 1, depacketizer.framesDropped(), "a packet vanished without being counted");
            } else {
                assertEquals(1, frames.size());
                EncodedFrame frame = frames.get(0);
                assertArrayEquals(payload, frame.data());
                assertEquals(packet.timestamp(), frame.timestamp());
                assertEquals(packet.sequenceNumber(), frame.firstSequence());
                assertEquals(lost + depacketizer.lostBeforeLastFrame(), depacketizer.packetsLost());

                List<RtpPayload> again = packetizer.packetize(frame);
                assertEquals(1, again.size());
                assertFalse(again.get(0).marker());
                assertArrayEquals(payload, again.get(0).data());
                checkDuration(payload, parsed);
            }
            lost = depacketizer.packetsLost();
            dropped = depacketizer.framesDropped();
        }
    }

    private static void checkDuration(byte[] payload, OpusPacket parsed) {
        assertEquals(parsed.durationSamples(), OpusToc.packetSamples(payload, 0, payload.length));
        assertTrue(parsed.durationSamples() > 0 && parsed.durationSamples() <= OpusToc.MAX_PACKET_SAMPLES);
        for (int samples : new int[]{OpusToc.SHORTEST_COMMON_FRAME, OpusToc.TWENTY_MS}) {
            OpusToc concealment = OpusToc.of(OpusToc.concealmentToc(payload[0], samples));
            assertEquals(samples, concealment.samplesPerFrame(), "concealment frame length");
            assertEquals(0, concealment.frameCountCode());
            assertEquals(parsed.toc().stereo(), concealment.stereo());
            assertEquals(mode(parsed.toc().config()), mode(concealment.config()), "concealment changed the mode");
        }
    }

    /** RFC 6716 table 2: configs 0-11 SILK, 12-15 hybrid, 16-31 CELT, each in bandwidth groups. */
    private static int mode(int config) {
        return config < 12 ? config / 4 : config < 16 ? 3 + (config - 12) / 2 : 5 + (config - 16) / 4;
    }
}
