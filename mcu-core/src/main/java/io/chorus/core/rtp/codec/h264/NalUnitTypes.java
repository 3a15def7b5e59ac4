package io.chorus.core.rtp.codec.h264;

/** The NAL unit types (H.264 table 7-1, RFC 6184 table 3) that the payload format cares about. */
final class NalUnitTypes {
    static final int IDR = 5;
    static final int SPS = 7;
    static final int PPS = 8;
    static final int ACCESS_UNIT_DELIMITER = 9;
    static final int STAP_A = 24;
    static final int FU_A = 28;

    private NalUnitTypes() {
    }

    static int of(byte header) {
        return header & 0x1F;
    }

    /** Types a single NAL unit packet, an aggregate or a fragment may carry: the codec's own. */
    static boolean isCodecNal(int type) {
        return type >= 1 && type <= 23;
    }
}
