package io.chorus.samples.load;

import java.util.Map;

/**
 * What one load run measured over its window. CPU figures are cores: CPU seconds per media second.
 * Latencies are mixer-added latency in ms (a frame's send to the arrival of the first composite
 * showing it), over every member whose counter a decoding receiver read. Rates are per receiver.
 *
 * @param clientCpuCores   the load client's own CPU seconds per media second (all of its participants)
 * @param clipSetupSeconds wall time the client spent encoding its clips before joining
 * @param videoSwitches    camera variant switches over the whole run, all participants
 * @param finalVariants    each participant's camera variant at the end ({@code 320x180@30}, {@code off},
 *                         or {@code none} for audio only), by name
 */
public record LoadResult(int rooms, int participantsPerRoom, double mediaSeconds, double serverCpuCores,
        double serverRssMb, double clientCpuCores, double latencyP50Ms, double latencyP95Ms, double latencyMaxMs,
        int latencySamples, double fpsMean, double fpsMin, String resolution, double videoKbpsMean,
        double videoKbpsMin, double videoKbpsMax, double audioKbpsMean, double videoLossPercent,
        double audioLossPercent, long videoTicks, long videoOverruns, long audioTicks, long audioOverruns,
        int decodingReceivers, long sendFailures, long undecryptablePackets, int talkersPerRoom, boolean audioOnly,
        boolean adapt, double clipSetupSeconds, long videoSwitches, Map<String, String> finalVariants) {
    /** Highest share of mixer ticks that may overrun, and lowest received frame rate, for real time. */
    public static final double MAX_OVERRUN_SHARE = 0.01;
    public static final double MIN_FPS = 28;

    public int participants() {
        return rooms * participantsPerRoom;
    }

    double overrunShare() {
        long ticks = videoTicks + audioTicks;
        return ticks == 0 ? 0 : (double) (videoOverruns + audioOverruns) / ticks;
    }

    /**
     * Whether the server kept real time: few tick overruns and every receiver near the full frame
     * rate (audio only: the overruns alone).
     */
    public boolean realTime() {
        return overrunShare() <= MAX_OVERRUN_SHARE && (audioOnly || fpsMin >= MIN_FPS);
    }
}
