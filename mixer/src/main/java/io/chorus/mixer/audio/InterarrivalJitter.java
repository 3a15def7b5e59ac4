package io.chorus.mixer.audio;

/**
 * Interarrival jitter as RFC 3550 section 6.4.1 defines it, in samples: the mean deviation (gain
 * 1/16) of the difference in transit time between consecutive packets, transit being arrival time
 * minus RTP timestamp. Each difference counts at most {@code maxDeviationSamples}, so that one
 * timestamp jump (a sender restarting mid-stream) cannot keep the estimate high for seconds.
 */
final class InterarrivalJitter {
    private static final double SAMPLES_PER_NANO = AudioFormat.SAMPLE_RATE / 1e9;

    private final double maxDeviation;
    private double jitter;
    private boolean haveTransit;
    private double lastTransit;
    private long baseNanos;
    private boolean haveBase;

    InterarrivalJitter(double initialSamples, double maxDeviationSamples) {
        jitter = initialSamples;
        maxDeviation = maxDeviationSamples;
    }

    /** A packet's unwrapped timestamp and its arrival time (any monotonic nanosecond clock). */
    void update(long timestamp, long arrivalNanos) {
        if (!haveBase) {
            baseNanos = arrivalNanos;
            haveBase = true;
        }
        // Relative to the first arrival, so the double keeps sub-sample precision whatever the clock's origin.
        double transit = (arrivalNanos - baseNanos) * SAMPLES_PER_NANO - timestamp;
        if (haveTransit) {
            double deviation = Math.min(maxDeviation, Math.abs(transit - lastTransit));
            jitter += (deviation - jitter) / 16;
        }
        lastTransit = transit;
        haveTransit = true;
    }

    /** A new stream may use a new timestamp origin; its first packet sets the reference again. */
    void forgetTransit() {
        haveTransit = false;
    }

    double samples() {
        return jitter;
    }
}
