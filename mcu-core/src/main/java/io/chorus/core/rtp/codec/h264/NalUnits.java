package io.chorus.core.rtp.codec.h264;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the NAL units of an Annex B byte stream (H.264 annex B): each follows a start code
 * 00 00 01, and zero bytes before a start code (the fourth byte of 00 00 00 01, or trailing zeros)
 * belong to no NAL unit; a NAL unit never ends in a zero byte.
 */
final class NalUnits {
    record Span(int offset, int length) {
    }

    private NalUnits() {
    }

    static List<Span> split(byte[] stream) {
        List<Span> units = new ArrayList<>();
        int start = -1;
        for (int i = 0; i + 2 < stream.length; i++) {
            if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1) {
                add(units, stream, start, i);
                start = i + 3;
                i += 2;
            }
        }
        add(units, stream, start, stream.length);
        return units;
    }

    private static void add(List<Span> units, byte[] stream, int start, int end) {
        if (start < 0) {
            return;
        }
        while (end > start && stream[end - 1] == 0) {
            end--;
        }
        if (end > start) {
            units.add(new Span(start, end - start));
        }
    }
}
