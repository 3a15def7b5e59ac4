package io.chorus.core.rtp.codec.h264;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.codec.Dimensions;

/**
 * What an Annex B access unit holds, from its NAL unit headers: an IDR slice (decodable on its
 * own, given an SPS and PPS), and the parameter sets a decoder that joins here needs. The picture
 * size comes from the first SPS that parses.
 */
public record H264AccessUnit(boolean idr, boolean sps, boolean pps, Dimensions dimensions) {

    public static H264AccessUnit describe(byte[] annexB) {
        boolean idr = false;
        boolean sps = false;
        boolean pps = false;
        Dimensions size = Dimensions.UNKNOWN;
        for (NalUnits.Span nal : NalUnits.split(annexB)) {
            switch (NalUnitTypes.of(annexB[nal.offset()])) {
                case NalUnitTypes.IDR -> idr = true;
                case NalUnitTypes.PPS -> pps = true;
                case NalUnitTypes.SPS -> {
                    sps = true;
                    if (size == Dimensions.UNKNOWN) {
                        size = sizeOf(annexB, nal);
                    }
                }
                default -> {
                }
            }
        }
        return new H264AccessUnit(idr, sps, pps, size);
    }

    private static Dimensions sizeOf(byte[] annexB, NalUnits.Span nal) {
        try {
            return H264Sps.parse(annexB, nal.offset(), nal.length()).size();
        } catch (MalformedPacketException e) {
            // A damaged SPS leaves the size unknown; the decoder will have its own say.
            return Dimensions.UNKNOWN;
        }
    }
}
