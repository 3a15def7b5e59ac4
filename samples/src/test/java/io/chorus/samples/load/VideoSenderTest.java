package io.chorus.samples.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.VideoFrameAssembler;
import io.chorus.core.rtp.codec.vp8.Vp8Format;
import io.chorus.core.rtp.codec.vp8.Vp8FrameHeader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VideoSenderTest {
    private static final int LOOP = 6;
    private static final int TAIL = 32;
    private static final long BASE = 1_000_000;
    private static final List<VideoVariant> LADDER = List.of(new VideoVariant(320, 180, 30, 150_000),
            new VideoVariant(160, 90, 30, 40_000), new VideoVariant(160, 90, 15, 30_000));
    private static List<VideoClip> clips;

    @BeforeAll
    static void encode() {
        clips = LADDER.stream().map(v -> VideoClip.encode(1, v, 30, LOOP)).toList();
    }

    private static final class Captured implements RtpSink {
        final List<RtpPacket> packets = new ArrayList<>();

        @Override
        public void send(byte[] packet, int length) {
            try {
                packets.add(RtpPacket.parse(Arrays.copyOf(packet, length), 0, length));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    private static VideoConstraints shown(int width, int height, int fps) {
        return new VideoConstraints(width, height, fps, Long.MAX_VALUE, true);
    }

    @Test
    void aSwitchStartsAtTheNewVariantsKeyFrameAndKeepsOneRtpStream() throws Exception {
        Captured sink = new Captured();
        VariantRequests requests = new VariantRequests(LADDER);
        SendLog sends = new SendLog(LOOP);
        VideoSender sender = new VideoSender("p", clips, requests, 4242, 65_530, BASE, 30, LOOP, sends, sink, 1200,
                TAIL);
        List<Long> frameTicks = new ArrayList<>();
        for (long tick = 0; tick < 11; tick++) {
            if (tick == 4) {
                requests.constraints(shown(160, 90, 30));
            } else if (tick == 7) {
                requests.constraints(shown(160, 90, 15));
            } else if (tick == 10) {
                requests.constraints(new VideoConstraints(160, 90, 15, 30_000, false));
            }
            int before = sink.packets.size();
            sender.tick(tick);
            if (sink.packets.size() > before) {
                frameTicks.add(tick);
            }
        }

        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 9L), frameTicks, "half rate skips tick 8; off sends none");
        for (int i = 0; i < sink.packets.size(); i++) {
            assertEquals((65_530 + i) & 0xFFFF, sink.packets.get(i).sequenceNumber(), "contiguous across switches");
            assertEquals(4242, sink.packets.get(i).ssrc());
        }
        VideoFrameAssembler assembler = new VideoFrameAssembler(new Vp8Format());
        List<EncodedFrame> frames = new ArrayList<>();
        for (RtpPacket p : sink.packets) {
            frames.addAll(assembler.push(p));
        }
        assertEquals(frameTicks.size(), frames.size());
        String[] sizes = {"320x180", null, null, null, "160x90", null, null, "160x90", null};
        for (int i = 0; i < frames.size(); i++) {
            EncodedFrame f = frames.get(i);
            assertEquals(BASE + frameTicks.get(i) * 3000, f.timestamp(), "timestamps follow the tick");
            assertEquals(sizes[i] != null, f.keyFrame(), "frame " + i + " key");
            if (sizes[i] != null) {
                var size = Vp8FrameHeader.parse(f.data(), 0, f.data().length).size();
                assertEquals(sizes[i], size.width() + "x" + size.height());
            }
        }
        assertEquals(3, sender.switches());
        assertEquals("off", sender.currentVariant());
    }

    @Test
    void theSendLogFollowsTheCounterTheNewLoopShows() throws Exception {
        Captured sink = new Captured();
        VariantRequests requests = new VariantRequests(LADDER);
        SendLog sends = new SendLog(LOOP);
        VideoSender sender = new VideoSender("p", clips, requests, 1, 0, 0, 30, LOOP, sends, sink, 1200, TAIL);
        sender.tick(0);
        sender.tick(1);
        requests.constraints(shown(160, 90, 30));
        long beforeSwitch = System.nanoTime();
        sender.tick(2);

        assertTrue(sends.sentBefore(0, System.nanoTime()) >= beforeSwitch, "counter 0 was sent again at the switch");
        assertFalse(sends.sentBefore(2, System.nanoTime()) >= beforeSwitch, "counter 2 was skipped");
        assertEquals("160x90@30", sender.currentVariant());
    }
}
