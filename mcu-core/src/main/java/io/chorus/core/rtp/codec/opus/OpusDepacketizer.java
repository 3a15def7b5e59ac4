package io.chorus.core.rtp.codec.opus;

import java.util.Arrays;
import java.util.List;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.rtp.SequenceUnwrapper;
import io.chorus.core.rtp.codec.Depacketizer;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.SequenceJumpFilter;

/**
 * Opus over RTP (RFC 7587): one RTP packet is one Opus packet, which is checked and passed on at
 * once. Audio does not wait for late packets: the mixer's jitter buffer and the decoder's packet
 * loss concealment deal with time. So a gap is reported as soon as the packet after it arrives
 * ({@link #lostBeforeLastFrame()}), and a packet arriving after its successor is dropped and
 * counted in {@link #framesDropped()}, having already been concealed.
 */
public final class OpusDepacketizer implements Depacketizer {
    /** Keeps unwrapped sequence numbers positive even for packets reordered ahead of the first one. */
    private static final long SEQUENCE_BASE = 1L << 32;

    private final SequenceJumpFilter jumps = new SequenceJumpFilter();
    private SequenceUnwrapper unwrapper = new SequenceUnwrapper();
    private boolean started;
    private long highest;
    private int lostBeforeLast;
    private long lost;
    private long dropped;

    @Override
    public List<EncodedFrame> push(RtpPacket packet) throws MalformedPacketException {
        OpusPacket.parse(packet.buffer(), packet.payloadOffset(), packet.payloadLength());
        long seq = unwrap(packet);
        if (started) {
            SequenceJumpFilter.Verdict verdict = jumps.judge(seq, highest);
            if (verdict == SequenceJumpFilter.Verdict.SUSPECT) {
                dropped++;
                return List.of();
            }
            if (verdict == SequenceJumpFilter.Verdict.RESTART) {
                unwrapper = new SequenceUnwrapper();
                started = false;
                seq = unwrap(packet);
            }
        }
        if (started && seq <= highest) {
            dropped++;
            return List.of();
        }
        lostBeforeLast = started ? (int) (seq - highest - 1) : 0;
        lost += lostBeforeLast;
        highest = seq;
        started = true;
        byte[] data = Arrays.copyOfRange(packet.buffer(), packet.payloadOffset(),
                packet.payloadOffset() + packet.payloadLength());
        return List.of(new EncodedFrame(data, packet.timestamp(), true, 0, 0, packet.sequenceNumber(),
                packet.sequenceNumber()));
    }

    /** Audio has no key frames. */
    @Override
    public boolean needsKeyFrame() {
        return false;
    }

    /** Packets that arrived after a later one (or were duplicates, or a jump not yet believed). */
    @Override
    public long framesDropped() {
        return dropped;
    }

    /**
     * Packets missing right before the frame the last successful {@link #push} returned: how many
     * frames the decoder should conceal before decoding it.
     */
    public int lostBeforeLastFrame() {
        return lostBeforeLast;
    }

    /** Packets that never arrived in time, over the stream's life. */
    public long packetsLost() {
        return lost;
    }

    private long unwrap(RtpPacket packet) {
        return unwrapper.unwrap(packet.sequenceNumber()) + SEQUENCE_BASE;
    }
}
