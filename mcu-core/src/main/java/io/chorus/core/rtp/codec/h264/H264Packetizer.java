package io.chorus.core.rtp.codec.h264;

import java.util.ArrayList;
import java.util.List;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.Packetizer;
import io.chorus.core.rtp.codec.RtpPayload;

/**
 * Packetizes an Annex B access unit in mode 1 (RFC 6184): each NAL unit that fits the MTU goes in
 * a single NAL unit packet, larger ones are split into FU-A fragments. The marker bit closes the
 * access unit.
 */
public final class H264Packetizer implements Packetizer {
    private static final int FU_HEADER_LENGTH = 2;

    private final int mtu;

    public H264Packetizer(int mtu) {
        if (mtu <= FU_HEADER_LENGTH + 1) {
            throw new IllegalArgumentException("MTU " + mtu + " too small for H.264");
        }
        this.mtu = mtu;
    }

    @Override
    public List<RtpPayload> packetize(EncodedFrame frame) {
        byte[] stream = frame.data();
        List<byte[]> payloads = new ArrayList<>();
        for (NalUnits.Span nal : NalUnits.split(stream)) {
            if (nal.length() <= mtu) {
                byte[] single = new byte[nal.length()];
                System.arraycopy(stream, nal.offset(), single, 0, nal.length());
                payloads.add(single);
            } else {
                fragment(stream, nal, payloads);
            }
        }
        List<RtpPayload> out = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            out.add(new RtpPayload(payloads.get(i), i == payloads.size() - 1));
        }
        return out;
    }

    private void fragment(byte[] stream, NalUnits.Span nal, List<byte[]> payloads) {
        int header = stream[nal.offset()] & 0xFF;
        int indicator = (header & 0xE0) | H264Format.FU_A;
        int type = header & 0x1F;
        int pos = nal.offset() + 1;
        int end = nal.offset() + nal.length();
        int chunk = mtu - FU_HEADER_LENGTH;
        int count = (end - pos + chunk - 1) / chunk;
        int size = (end - pos + count - 1) / count;
        for (int i = 0; i < count; i++) {
            int n = Math.min(size, end - pos);
            byte[] payload = new byte[FU_HEADER_LENGTH + n];
            payload[0] = (byte) indicator;
            payload[1] = (byte) ((i == 0 ? 0x80 : 0) | (i == count - 1 ? 0x40 : 0) | type);
            System.arraycopy(stream, pos, payload, FU_HEADER_LENGTH, n);
            payloads.add(payload);
            pos += n;
        }
    }
}
