package io.chorus.samples.bench;

import java.util.Locale;

/**
 * What one Janus AudioBridge room of {@code participants} measured over its window. CPU figures are
 * cores (CPU seconds per wall second); packet rates are mix packets received per participant per
 * second (50 when every participant gets its 20 ms mix).
 */
record JanusRoomResult(int participants, int talkers, double seconds, double janusCores,
        double coresPerParticipant, double clientCores, double packetsPerSecondMin, double packetsPerSecondMean,
        long sendFailures) {

    static String tableHeader() {
        return "| N | talkers | Janus cores | cores / participant | client cores | mix pkt/s min | mix pkt/s mean "
                + "| send failures |\n|---|---|---|---|---|---|---|---|\n";
    }

    String tableRow() {
        return String.format(Locale.ROOT, "| %d | %d | %.3f | %.4f | %.3f | %.1f | %.1f | %d |%n", participants,
                talkers, janusCores, coresPerParticipant, clientCores, packetsPerSecondMin, packetsPerSecondMean,
                sendFailures);
    }
}
