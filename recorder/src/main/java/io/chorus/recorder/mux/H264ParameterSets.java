package io.chorus.recorder.mux;

import java.io.ByteArrayOutputStream;

/**
 * Finds the SPS and PPS in an Annex B access unit. Containers that store H.264 as length-prefixed
 * NAL units (MP4 avcC, FLV) need them as the stream's configuration before the first packet; FFmpeg's
 * muxers convert an Annex B configuration to avcC themselves.
 */
final class H264ParameterSets {
    private static final int SPS = 7;
    private static final int PPS = 8;
    private static final byte[] START_CODE = {0, 0, 0, 1};

    private H264ParameterSets() {
    }

    /** The access unit's SPS and PPS NAL units, each behind a 4-byte start code; null unless both are present. */
    static byte[] fromAnnexB(byte[] accessUnit) {
        ByteArrayOutputStream sets = new ByteArrayOutputStream();
        boolean sps = false;
        boolean pps = false;
        int start = nextNalStart(accessUnit, 0);
        while (start >= 0) {
            int next = nextNalStart(accessUnit, start);
            int end = next < 0 ? accessUnit.length : startCodeBegin(accessUnit, next);
            int type = accessUnit[start] & 0x1F;
            if (type == SPS || type == PPS) {
                sets.writeBytes(START_CODE);
                sets.write(accessUnit, start, end - start);
                sps |= type == SPS;
                pps |= type == PPS;
            }
            start = next;
        }
        return sps && pps ? sets.toByteArray() : null;
    }

    /** Index of the first NAL byte after the next 00 00 01 at or after {@code from}, or -1. */
    private static int nextNalStart(byte[] data, int from) {
        for (int i = from; i + 2 < data.length; i++) {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
                return i + 3 < data.length ? i + 3 : -1;
            }
        }
        return -1;
    }

    /** Where the start code in front of the NAL at {@code nalStart} begins (3 or 4 bytes, trailing zeros dropped). */
    private static int startCodeBegin(byte[] data, int nalStart) {
        int i = nalStart - 3;
        while (i > 0 && data[i - 1] == 0) {
            i--;
        }
        return i;
    }
}
