package io.chorus.mixer.codec;

import java.nio.ByteBuffer;
import org.bytedeco.javacpp.BytePointer;

/**
 * Copies one picture plane between a tightly packed Java array and a native plane whose rows may be
 * padded (FFmpeg aligns line sizes). Goes through a direct ByteBuffer view, whose bulk copies are
 * plain memory copies rather than one JNI call per row; contiguous planes take a single copy.
 */
final class PlaneCopy {
    private PlaneCopy() {
    }

    static void toArray(BytePointer plane, int lineSize, byte[] target, int width, int height) {
        ByteBuffer rows = view(plane, lineSize, width, height);
        if (lineSize == width) {
            rows.get(0, target, 0, width * height);
            return;
        }
        for (int row = 0; row < height; row++) {
            rows.get(row * lineSize, target, row * width, width);
        }
    }

    static void fromArray(byte[] source, int width, int height, BytePointer plane, int lineSize) {
        ByteBuffer rows = view(plane, lineSize, width, height);
        if (lineSize == width) {
            rows.put(0, source, 0, width * height);
            return;
        }
        for (int row = 0; row < height; row++) {
            rows.put(row * lineSize, source, row * width, width);
        }
    }

    private static ByteBuffer view(BytePointer plane, int lineSize, int width, int height) {
        if (lineSize < width) {
            throw new IllegalArgumentException("line size " + lineSize + " is shorter than the row width " + width);
        }
        return plane.capacity((long) lineSize * (height - 1) + width).asByteBuffer();
    }
}
