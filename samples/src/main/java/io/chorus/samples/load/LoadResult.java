package io.chorus.samples.load;

/**
 * What one load run measured over its window. CPU figures are cores: CPU seconds per media second.
 * Latencies are mixer-added latency in ms (a frame's send to the arrival of the first composite
 * showing it), over every member whose counter a decoding receiver read. Rates are per receiver.
 */
record LoadResult(int rooms, int participantsPerRoom, double mediaSeconds, double serverCpuCores,
        double serverRssMb, double clientCpuCores, double latencyP50Ms, double latencyP95Ms, double latencyMaxMs,
        int latencySamples, double fpsMean, double fpsMin, String resolution, double videoKbpsMean,
        double videoKbpsMin, double videoKbpsMax, double audioKbpsMean, double videoLossPercent,
        double audioLossPercent, long videoTicks, long videoOverruns, long audioTicks, long audioOverruns,
        int decodingReceivers, long sendFailures, long undecryptablePackets) {
    /** Highest share of mixer ticks that may overrun, and lowest received frame rate, for real time. */
    static final double MAX_OVERRUN_SHARE = 0.01;
    static final double MIN_FPS = 28;

    int participants() {
        return rooms * participantsPerRoom;
    }

    double overrunShare() {
        long ticks = videoTicks + audioTicks;
        return ticks == 0 ? 0 : (double) (videoOverruns + audioOverruns) / ticks;
    }

    /** Whether the server kept real time: few tick overruns and every receiver near the full frame rate. */
    boolean realTime() {
        return overrunShare() <= MAX_OVERRUN_SHARE && fpsMin >= MIN_FPS;
    }
}
