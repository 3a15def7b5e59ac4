package io.chorus.core.rtp.codec.vp8;

import java.util.ArrayList;
import java.util.List;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.EvenSplit;
import io.chorus.core.rtp.codec.Packetizer;
import io.chorus.core.rtp.codec.RtpPayload;

/**
 * Splits VP8 frames into RTP payloads (RFC 7741) of at most the MTU, each behind a descriptor
 * whose 15-bit picture id counts the server's own frames, so receivers see one continuous stream
 * whatever the frames' origin. Partition boundaries are not marked (S is set on the first packet
 * only, PID stays 0), which the RFC allows.
 */
public final class Vp8Packetizer implements Packetizer {
    private static final int DESCRIPTOR_LENGTH = Vp8Descriptor.withPictureId(true, 0).length();
    /**
     * Packets are cut to even sizes, so the first carries at least half of what fits; that half
     * must hold a key frame's header, which receivers read from the first packet alone.
     */
    public static final int MIN_MTU = DESCRIPTOR_LENGTH + 2 * Vp8FrameHeader.KEY_FRAME_HEADER_LENGTH;

    private final int mtu;
    private int pictureId;

    public Vp8Packetizer(int mtu) {
        this(mtu, 0);
    }

    public Vp8Packetizer(int mtu, int firstPictureId) {
        if (mtu < MIN_MTU) {
            throw new IllegalArgumentException("MTU " + mtu + " below the VP8 minimum of " + MIN_MTU);
        }
        this.mtu = mtu;
        this.pictureId = firstPictureId & 0x7FFF;
    }

    @Override
    public List<RtpPayload> packetize(EncodedFrame frame) {
        byte[] data = frame.data();
        if (data.length == 0) {
            throw new IllegalArgumentException("empty VP8 frame");
        }
        int count = EvenSplit.pieces(data.length, mtu - DESCRIPTOR_LENGTH);
        Vp8Descriptor first = Vp8Descriptor.withPictureId(true, pictureId);
        Vp8Descriptor rest = Vp8Descriptor.withPictureId(false, pictureId);
        List<RtpPayload> payloads = new ArrayList<>(count);
        for (int i = 0, pos = 0; i < count; i++) {
            int n = EvenSplit.pieceLength(data.length, count, i);
            byte[] payload = new byte[DESCRIPTOR_LENGTH + n];
            (i == 0 ? first : rest).write(payload, 0);
            System.arraycopy(data, pos, payload, DESCRIPTOR_LENGTH, n);
            payloads.add(new RtpPayload(payload, i == count - 1));
            pos += n;
        }
        pictureId = (pictureId + 1) & 0x7FFF;
        return payloads;
    }
}
