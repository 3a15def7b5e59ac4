package io.chorus.core.rtp.codec.h264;

import java.util.ArrayList;
import java.util.List;

/** Finds the NAL units of an Annex B byte stream (start codes 00 00 01 and 00 00 00 01). */
final class NalUnits {
    record Span(int offset, int length) {
    }

    private NalUnits() {
    }

    static List<Span> split(byte[] stream) {
        List<Span> units = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i + 2 < stream.length) {
            if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1) {
                if (start >= 0) {
                    units.add(new Span(start, trimZeros(stream, start, i) - start));
                }
                i += 3;
                start = i;
            } else {
                i++;
            }
        }
        if (start >= 0 && start < stream.length) {
            units.add(new Span(start, stream.length - start));
        }
        units.removeIf(s -> s.length() <= 0);
        return units;
    }

    /** A four-byte start code leaves one zero before the three-byte pattern: not part of the NAL. */
    private static int trimZeros(byte[] stream, int from, int end) {
        while (end > from && stream[end - 1] == 0) {
            end--;
        }
        return end;
    }
}
