package io.chorus.core.rtp.codec.vp8;

import static io.chorus.core.rtp.codec.vp8.Vp8Frames.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.RtpPayload;

class Vp8PacketizerTest {
    @Test
    void aSmallFrameIsOnePacketWithTheServerDescriptor() {
        Vp8Packetizer packetizer = new Vp8Packetizer(1200, 0x1234);
        byte[] frame = Vp8Frames.LIBVPX_DELTA_FRAME;
        List<RtpPayload> payloads = packetizer.packetize(new EncodedFrame(frame, 0, false, 0, 0));
        assertEquals(1, payloads.size());
        assertTrue(payloads.get(0).marker());
        byte[] expected = new byte[4 + frame.length];
        System.arraycopy(bytes(0x90, 0x80, 0x92, 0x34), 0, expected, 0, 4);
        System.arraycopy(frame, 0, expected, 4, frame.length);
        assertArrayEquals(expected, payloads.get(0).data());
    }

    @Test
    void aLargeFrameIsCutIntoEqualPacketsWithinTheMtuStartBitFirstMarkerLast() throws Exception {
        int mtu = 300;
        Vp8Packetizer packetizer = new Vp8Packetizer(mtu);
        byte[] frame = Vp8Frames.keyFrame(2000, new Random(1));
        List<RtpPayload> payloads = packetizer.packetize(new EncodedFrame(frame, 0, true, 0, 0));
        assertEquals(7, payloads.size(), "2000 bytes in chunks of at most 296");
        int offset = 0;
        for (int i = 0; i < payloads.size(); i++) {
            byte[] p = payloads.get(i).data();
            assertEquals(4 + (i < 5 ? 286 : 285), p.length, "2000 = 5 x 286 + 2 x 285: no runt packet");
            Vp8Descriptor d = Vp8Descriptor.parse(p, 0, p.length);
            assertEquals(i == 0, d.start());
            assertEquals(0, d.partitionId());
            assertEquals(0, d.pictureId());
            assertEquals(i == payloads.size() - 1, payloads.get(i).marker());
            for (int j = d.length(); j < p.length; j++) {
                assertEquals(frame[offset++], p[j]);
            }
        }
        assertEquals(frame.length, offset);
    }

    @Test
    void thePictureIdCountsFramesAndWrapsAt15Bits() throws Exception {
        Vp8Packetizer packetizer = new Vp8Packetizer(1200, 0x7FFE);
        int[] expected = {0x7FFE, 0x7FFF, 0, 1};
        for (int id : expected) {
            EncodedFrame frame = new EncodedFrame(Vp8Frames.LIBVPX_DELTA_FRAME, 0, false, 0, 0);
            byte[] p = packetizer.packetize(frame).get(0).data();
            Vp8Descriptor d = Vp8Descriptor.parse(p, 0, p.length);
            assertTrue(d.longPictureId());
            assertEquals(id, d.pictureId());
        }
    }

    @Test
    void theFirstPacketAlwaysHoldsTheWholeKeyFrameHeader() throws Exception {
        Random random = new Random(2);
        for (int size = 10; size < 200; size++) {
            byte[] p = new Vp8Packetizer(Vp8Packetizer.MIN_MTU).packetize(
                    new EncodedFrame(Vp8Frames.keyFrame(size, random), 0, true, 0, 0)).get(0).data();
            Vp8FrameHeader header = Vp8FrameHeader.parse(p, 4, p.length - 4);
            assertTrue(header.keyFrame(), "size " + size);
        }
    }

    @Test
    void refusesAnMtuTooSmallAndAnEmptyFrame() {
        assertThrows(IllegalArgumentException.class, () -> new Vp8Packetizer(Vp8Packetizer.MIN_MTU - 1));
        assertThrows(IllegalArgumentException.class,
                () -> new Vp8Packetizer(1200).packetize(new EncodedFrame(new byte[0], 0, false, 0, 0)));
        assertFalse(new Vp8Packetizer(Vp8Packetizer.MIN_MTU).packetize(
                new EncodedFrame(new byte[1], 0, false, 0, 0)).isEmpty());
    }
}
