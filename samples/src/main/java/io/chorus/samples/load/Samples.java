package io.chorus.samples.load;

import java.util.Arrays;

/** A growing list of measurements (milliseconds, kb/s ...) with the percentiles a report needs. Thread-safe. */
final class Samples {
    private double[] values = new double[64];
    private int size;

    synchronized void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    synchronized void clear() {
        size = 0;
    }

    synchronized int size() {
        return size;
    }

    synchronized double[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /** Nearest-rank percentile of all given samples; NaN when there are none. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double[] concat(Iterable<double[]> parts) {
        double[] all = new double[0];
        for (double[] part : parts) {
            int at = all.length;
            all = Arrays.copyOf(all, at + part.length);
            System.arraycopy(part, 0, all, at, part.length);
        }
        return all;
    }
}
