package io.chorus.core.rtp.codec.opus;

import java.util.Arrays;
import java.util.List;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.rtp.SequenceUnwrapper;
import io.chorus.core.rtp.codec.Depacketizer;
import io.chorus.core.rtp.codec.EncodedFrame;

/**
 * Opus over RTP (RFC 7587): one packet is one Opus packet. Packets are passed on at once (audio
 * does not wait for retransmission); late ones are dropped, gaps are counted so the audio path can
 * conceal them.
 */
public final class OpusDepacketizer implements Depacketizer {
    /**
     * Added to unwrapped sequence numbers so that packets reordered before the first one seen stay
     * positive and -1 can mean "nothing yet".
     */
    private static final long SEQUENCE_BASE = 1L << 32;

    private final SequenceUnwrapper unwrapper = new SequenceUnwrapper();
    private long highest = -1;
    private long lost;
    private long late;

    @Override
    public List<EncodedFrame> push(RtpPacket packet) throws MalformedPacketException {
        OpusToc.parse(packet.buffer(), packet.payloadOffset(), packet.payloadLength());
        long seq = unwrapper.unwrap(packet.sequenceNumber()) + SEQUENCE_BASE;
        if (highest >= 0 && seq <= highest) {
            late++;
            return List.of();
        }
        if (highest >= 0 && seq > highest + 1) {
            lost += seq - highest - 1;
        }
        highest = seq;
        byte[] data = Arrays.copyOfRange(packet.buffer(), packet.payloadOffset(),
                packet.payloadOffset() + packet.payloadLength());
        return List.of(EncodedFrame.audio(data, packet.timestamp()));
    }

    @Override
    public boolean needsKeyFrame() {
        return false;
    }

    @Override
    public long framesDropped() {
        return late;
    }

    /** Packets that never arrived (to be concealed). */
    public long packetsLost() {
        return lost;
    }
}
