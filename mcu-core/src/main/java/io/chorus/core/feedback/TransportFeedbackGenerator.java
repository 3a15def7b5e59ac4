package io.chorus.core.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import io.chorus.core.rtcp.TransportCcFeedback;
import io.chorus.core.rtp.SequenceUnwrapper;

/**
 * Receiver side of transport-wide congestion control (draft-holmer-rmcat-transport-wide-cc-
 * extensions-01): records the arrival time of every packet by its transport-wide sequence number
 * and turns them, on each timer tick, into feedback that the browser's send-side bandwidth
 * estimator consumes. Without it a browser that negotiated transport-cc never raises its bitrate.
 * <p>
 * Not thread-safe: the caller serialises the receive thread's {@link #onPacket} and the timer's
 * {@link #build}.
 */
public final class TransportFeedbackGenerator {
    /** Bounds one feedback packet to well under the MTU. */
    static final int MAX_PACKETS_PER_FEEDBACK = 250;
    private static final int MAX_PENDING = 4 * MAX_PACKETS_PER_FEEDBACK;
    private static final long REFERENCE_TIME_UNIT_MICROS = 64_000;
    private static final long DELTA_UNIT_MICROS = 250;
    private static final long SEQUENCE_BASE = 1L << 32;

    private final SequenceUnwrapper unwrapper = new SequenceUnwrapper();
    private final TreeMap<Long, Long> arrivals = new TreeMap<>();
    private long nextBase = -1;
    private int feedbackCount;
    private long late;
    private long overflowed;

    /** Records one packet's transport-wide sequence number and arrival time (microseconds, monotonic). */
    public void onPacket(int transportSequenceNumber, long arrivalMicros) {
        long seq = unwrapper.unwrap(transportSequenceNumber) + SEQUENCE_BASE;
        if (nextBase >= 0 && seq < nextBase) {
            late++;
            return;
        }
        arrivals.putIfAbsent(seq, arrivalMicros);
        while (arrivals.size() > MAX_PENDING) {
            arrivals.pollFirstEntry();
            overflowed++;
        }
    }

    /** Feedback for everything recorded since the last call; empty when nothing arrived. */
    public List<TransportCcFeedback> build(long senderSsrc, long mediaSsrc) {
        List<TransportCcFeedback> out = new ArrayList<>(1);
        while (!arrivals.isEmpty()) {
            long first = arrivals.firstKey();
            long base = nextBase >= 0 && first - nextBase < MAX_PACKETS_PER_FEEDBACK ? nextBase : first;
            long referenceTime = Math.floorDiv(arrivals.get(first), REFERENCE_TIME_UNIT_MICROS);
            long previousTicks = referenceTime * REFERENCE_TIME_UNIT_MICROS / DELTA_UNIT_MICROS;
            List<TransportCcFeedback.Packet> packets = new ArrayList<>();
            long last = Math.min(arrivals.lastKey(), base + MAX_PACKETS_PER_FEEDBACK - 1);
            for (long seq = base; seq <= last; seq++) {
                Long arrival = arrivals.get(seq);
                int wireSeq = (int) (seq & 0xFFFF);
                if (arrival == null) {
                    packets.add(new TransportCcFeedback.Packet(wireSeq, false, 0));
                    continue;
                }
                long ticks = Math.floorDiv(arrival, DELTA_UNIT_MICROS);
                long delta = ticks - previousTicks;
                if (delta < Short.MIN_VALUE || delta > Short.MAX_VALUE) {
                    last = seq - 1;
                    break;
                }
                packets.add(new TransportCcFeedback.Packet(wireSeq, true, delta * DELTA_UNIT_MICROS));
                previousTicks = ticks;
            }
            arrivals.headMap(last, true).clear();
            nextBase = last + 1;
            if (packets.isEmpty()) {
                continue;
            }
            out.add(new TransportCcFeedback(senderSsrc, mediaSsrc, (int) (base & 0xFFFF), packets.size(),
                    (int) (referenceTime & 0xFFFFFF), feedbackCount, packets));
            feedbackCount = (feedbackCount + 1) & 0xFF;
        }
        return out;
    }

    /** Packets that arrived after their sequence number had already been reported. */
    public long latePackets() {
        return late;
    }

    /** Packets forgotten because feedback was not built for too long. */
    public long overflowedPackets() {
        return overflowed;
    }
}
