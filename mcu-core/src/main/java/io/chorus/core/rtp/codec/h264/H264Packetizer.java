package io.chorus.core.rtp.codec.h264;

import java.util.ArrayList;
import java.util.List;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.EvenSplit;
import io.chorus.core.rtp.codec.Packetizer;
import io.chorus.core.rtp.codec.RtpPayload;

/**
 * Packetizes an Annex B access unit in mode 1 (RFC 6184): consecutive NAL units that fit together
 * travel in one STAP-A (typically SPS and PPS before an IDR), a unit that fits alone goes in a
 * single NAL unit packet, and a larger one is cut into even FU-A fragments. The marker bit closes
 * the access unit.
 */
public final class H264Packetizer implements Packetizer {
    private static final int STAP_A_HEADER_LENGTH = 1;
    private static final int STAP_A_SIZE_LENGTH = 2;
    private static final int FU_A_HEADER_LENGTH = 2;
    /** Room for two small NAL units in an aggregate, and fragments that are not all header. */
    public static final int MIN_MTU = 16;

    private final int mtu;

    public H264Packetizer(int mtu) {
        if (mtu < MIN_MTU) {
            throw new IllegalArgumentException("MTU " + mtu + " below the H.264 minimum of " + MIN_MTU);
        }
        this.mtu = mtu;
    }

    /** @throws IllegalArgumentException if the frame holds no Annex B NAL unit */
    @Override
    public List<RtpPayload> packetize(EncodedFrame frame) {
        byte[] stream = frame.data();
        List<NalUnits.Span> nals = NalUnits.split(stream);
        if (nals.isEmpty()) {
            throw new IllegalArgumentException("H.264 frame without Annex B NAL units");
        }
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < nals.size(); ) {
            int aggregated = aggregatable(nals, i);
            if (aggregated >= 2) {
                payloads.add(stapA(stream, nals.subList(i, i + aggregated)));
                i += aggregated;
            } else {
                NalUnits.Span nal = nals.get(i++);
                if (nal.length() <= mtu) {
                    byte[] single = new byte[nal.length()];
                    System.arraycopy(stream, nal.offset(), single, 0, nal.length());
                    payloads.add(single);
                } else {
                    fragment(stream, nal, payloads);
                }
            }
        }
        List<RtpPayload> out = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            out.add(new RtpPayload(payloads.get(i), i == payloads.size() - 1));
        }
        return out;
    }

    /** How many NAL units from {@code first} on fit in one STAP-A. */
    private int aggregatable(List<NalUnits.Span> nals, int first) {
        int size = STAP_A_HEADER_LENGTH;
        int count = 0;
        for (int i = first; i < nals.size(); i++) {
            size += STAP_A_SIZE_LENGTH + nals.get(i).length();
            if (size > mtu) {
                break;
            }
            count++;
        }
        return count;
    }

    /** The aggregate's F bit is any unit's F bit, its NRI the highest unit's NRI (RFC 6184 5.7.1). */
    private static byte[] stapA(byte[] stream, List<NalUnits.Span> nals) {
        int size = STAP_A_HEADER_LENGTH;
        int forbidden = 0;
        int nri = 0;
        for (NalUnits.Span nal : nals) {
            size += STAP_A_SIZE_LENGTH + nal.length();
            forbidden |= stream[nal.offset()] & 0x80;
            nri = Math.max(nri, stream[nal.offset()] & 0x60);
        }
        byte[] payload = new byte[size];
        payload[0] = (byte) (forbidden | nri | NalUnitTypes.STAP_A);
        int pos = STAP_A_HEADER_LENGTH;
        for (NalUnits.Span nal : nals) {
            payload[pos] = (byte) (nal.length() >>> 8);
            payload[pos + 1] = (byte) nal.length();
            System.arraycopy(stream, nal.offset(), payload, pos + STAP_A_SIZE_LENGTH, nal.length());
            pos += STAP_A_SIZE_LENGTH + nal.length();
        }
        return payload;
    }

    private void fragment(byte[] stream, NalUnits.Span nal, List<byte[]> payloads) {
        int header = stream[nal.offset()] & 0xFF;
        int indicator = (header & 0xE0) | NalUnitTypes.FU_A;
        int type = header & 0x1F;
        int pos = nal.offset() + 1;
        int bodyLength = nal.length() - 1;
        int count = EvenSplit.pieces(bodyLength, mtu - FU_A_HEADER_LENGTH);
        for (int i = 0; i < count; i++) {
            int n = EvenSplit.pieceLength(bodyLength, count, i);
            byte[] payload = new byte[FU_A_HEADER_LENGTH + n];
            payload[0] = (byte) indicator;
            payload[1] = (byte) ((i == 0 ? 0x80 : 0) | (i == count - 1 ? 0x40 : 0) | type);
            System.arraycopy(stream, pos, payload, FU_A_HEADER_LENGTH, n);
            payloads.add(payload);
            pos += n;
        }
    }
}
