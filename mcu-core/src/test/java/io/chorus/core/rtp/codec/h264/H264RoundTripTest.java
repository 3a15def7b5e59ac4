package io.chorus.core.rtp.codec.h264;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.rtp.codec.Depacketizer;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.PayloadFormats;
import io.chorus.core.rtp.codec.RtpPayload;

class H264RoundTripTest {
    private static byte[] nal(int type, int size, Random random) {
        byte[] nal = new byte[size];
        random.nextBytes(nal);
        for (int i = 1; i < size; i++) {
            if (nal[i] == 0) {
                nal[i] = 1; // no emulated start codes in the body
            }
        }
        nal[0] = (byte) (0x60 | type);
        return nal;
    }

    private static byte[] accessUnit(byte[]... nals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] n : nals) {
            out.writeBytes(new byte[] {0, 0, 0, 1});
            out.writeBytes(n);
        }
        return out.toByteArray();
    }

    @Test
    void singleNalsAndFuAFragmentsRoundTripAcrossTheWrapWithReordering() throws Exception {
        Random random = new Random(6184);
        H264Packetizer packetizer = new H264Packetizer(1200);
        List<EncodedFrame> frames = new ArrayList<>();
        frames.add(new EncodedFrame(accessUnit(nal(7, 12, random), nal(8, 4, random), nal(5, 5000, random)), 0, true,
                0, 0));
        for (int i = 1; i < 12; i++) {
            frames.add(new EncodedFrame(accessUnit(nal(1, 50 + random.nextInt(4000), random)), 3000L * i, false, 0,
                    0));
        }
        List<RtpPacket> packets = new ArrayList<>();
        int seq = 65530;
        for (EncodedFrame f : frames) {
            for (RtpPayload p : packetizer.packetize(f)) {
                assertTrue(p.data().length <= 1200);
                packets.add(RtpPacket.create(102, seq, f.timestamp(), 7, p.marker(), p.data(), 0, p.data().length, 0));
                seq = (seq + 1) & 0xFFFF;
            }
        }
        for (int i = 0; i + 3 <= packets.size(); i += 3) {
            Collections.shuffle(packets.subList(i, i + 3), random);
        }
        Depacketizer depacketizer = PayloadFormats.depacketizer("H264");
        List<EncodedFrame> out = new ArrayList<>();
        for (RtpPacket p : packets) {
            out.addAll(depacketizer.push(p));
        }
        assertEquals(frames.size(), out.size());
        for (int i = 0; i < frames.size(); i++) {
            assertArrayEquals(frames.get(i).data(), out.get(i).data(), "access unit " + i);
        }
        assertTrue(out.get(0).keyFrame(), "IDR");
        assertFalse(out.get(1).keyFrame());
    }

    @Test
    void stapAIsExpandedToAnnexB() throws Exception {
        byte[] sps = {0x67, 0x42, 0x00, 0x1F};
        byte[] pps = {0x68, (byte) 0xCE, 0x3C};
        byte[] idr = {0x65, (byte) 0x88, (byte) 0x84};
        byte[] stap = {0x78, 0, 4, 0x67, 0x42, 0x00, 0x1F, 0, 3, 0x68, (byte) 0xCE, 0x3C};
        Depacketizer depacketizer = PayloadFormats.depacketizer("H264");
        assertTrue(depacketizer.push(RtpPacket.create(102, 1, 90, 7, false, stap, 0, stap.length, 0)).isEmpty());
        List<EncodedFrame> out = depacketizer.push(RtpPacket.create(102, 2, 90, 7, true, idr, 0, idr.length, 0));
        assertEquals(1, out.size());
        assertArrayEquals(accessUnit(sps, pps, idr), out.get(0).data());
        assertTrue(out.get(0).keyFrame());
    }

    @Test
    void malformedPayloadsAreRejected() {
        H264Format format = new H264Format();
        byte[][] bad = {
                {},
                {(byte) 0x85, 1},            // forbidden bit
                {0x78},                      // STAP-A without NAL units
                {0x78, 0, 9, 0x67},          // STAP-A size overruns
                {0x78, 0},                   // STAP-A truncated size
                {0x78, 0, 0},                // STAP-A zero-size NAL
                {0x7C, (byte) 0x85},         // FU-A without payload
                {0x7C, (byte) 0xC5, 1},      // FU-A start and end
                {0x79, 1, 2},                // STAP-B: not mode 1
                {0x60},                      // type 0
        };
        for (byte[] b : bad) {
            assertThrows(MalformedPacketException.class, () -> format.parse(b, 0, b.length), java.util.Arrays.toString(b));
        }
    }

    @Test
    void aFuAMiddleFragmentCannotStartAFrame() throws Exception {
        Depacketizer depacketizer = PayloadFormats.depacketizer("H264");
        byte[] middle = {0x7C, 0x05, 1, 2, 3};
        assertTrue(depacketizer.push(RtpPacket.create(102, 5, 90, 7, true, middle, 0, middle.length, 0)).isEmpty());
    }
}
