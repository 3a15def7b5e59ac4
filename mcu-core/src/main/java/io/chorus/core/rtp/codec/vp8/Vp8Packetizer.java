package io.chorus.core.rtp.codec.vp8;

import java.util.ArrayList;
import java.util.List;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.Packetizer;
import io.chorus.core.rtp.codec.RtpPayload;

/**
 * Splits VP8 frames into RTP payloads (RFC 7741) of at most the MTU, each with a descriptor whose
 * 15-bit picture id counts the server's own frames, so receivers see one continuous stream
 * whatever the frames' origin.
 */
public final class Vp8Packetizer implements Packetizer {
    private static final int DESCRIPTOR_LENGTH = 4;

    private final int mtu;
    private int pictureId;

    public Vp8Packetizer(int mtu) {
        if (mtu <= DESCRIPTOR_LENGTH) {
            throw new IllegalArgumentException("MTU " + mtu + " too small for VP8");
        }
        this.mtu = mtu;
    }

    @Override
    public List<RtpPayload> packetize(EncodedFrame frame) {
        byte[] data = frame.data();
        int chunk = mtu - DESCRIPTOR_LENGTH;
        int count = Math.max(1, (data.length + chunk - 1) / chunk);
        // Equal-sized packets: no tiny trailing packet.
        int size = (data.length + count - 1) / count;
        List<RtpPayload> payloads = new ArrayList<>(count);
        for (int i = 0, pos = 0; i < count; i++) {
            int n = Math.min(size, data.length - pos);
            byte[] payload = new byte[DESCRIPTOR_LENGTH + n];
            Vp8Descriptor.write(payload, 0, i == 0, pictureId);
            System.arraycopy(data, pos, payload, DESCRIPTOR_LENGTH, n);
            payloads.add(new RtpPayload(payload, i == count - 1));
            pos += n;
        }
        pictureId = (pictureId + 1) & 0x7FFF;
        return payloads;
    }
}
