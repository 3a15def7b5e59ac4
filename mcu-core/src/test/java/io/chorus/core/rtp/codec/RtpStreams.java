package io.chorus.core.rtp.codec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;

/** Test support: frames to RTP packets and back, with the disorder a network adds. */
public final class RtpStreams {
    private RtpStreams() {
    }

    /** Packetizes the frames into consecutive sequence numbers from {@code firstSeq}, checking the MTU. */
    public static List<RtpPacket> packetize(Packetizer packetizer, List<EncodedFrame> frames, int firstSeq,
            int mtu) {
        List<RtpPacket> packets = new ArrayList<>();
        int seq = firstSeq;
        for (EncodedFrame frame : frames) {
            for (RtpPayload p : packetizer.packetize(frame)) {
                assertTrue(p.data().length <= mtu, "payload of " + p.data().length + " bytes exceeds MTU " + mtu);
                packets.add(packet(seq, frame.timestamp(), p.marker(), p.data()));
                seq = (seq + 1) & 0xFFFF;
            }
        }
        return packets;
    }

    public static RtpPacket packet(int seq, long timestamp, boolean marker, byte[] payload) {
        return RtpPacket.create(96, seq, timestamp, 0x1234, marker, payload, 0, payload.length, 0);
    }

    /** Moves every packet at most {@code window - 1} places, as reordering in the network does. */
    public static List<RtpPacket> shuffleWithin(List<RtpPacket> packets, int window, Random random) {
        List<RtpPacket> out = new ArrayList<>(packets);
        for (int i = 0; i < out.size(); i += window) {
            Collections.shuffle(out.subList(i, Math.min(out.size(), i + window)), random);
        }
        return out;
    }

    public static List<EncodedFrame> pushAll(Depacketizer depacketizer, List<RtpPacket> packets)
            throws MalformedPacketException {
        List<EncodedFrame> out = new ArrayList<>();
        for (RtpPacket p : packets) {
            out.addAll(depacketizer.push(p));
        }
        return out;
    }

    /** Pushes a payload and returns whether it was rejected as malformed; anything else unchecked fails the test. */
    public static boolean rejects(Depacketizer depacketizer, RtpPacket packet) {
        try {
            depacketizer.push(packet);
            return false;
        } catch (MalformedPacketException expected) {
            return true;
        }
    }
}
