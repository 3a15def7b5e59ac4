package io.chorus.samples.load;

import java.util.List;

/**
 * What the server last asked of one camera, from the signalling thread (the message) and the
 * receive thread (REMB), reduced to the variant wanted, which the pacer reads on every tick without
 * locking or allocating.
 */
final class VariantRequests {
    private final List<VideoVariant> ladder;
    private VideoConstraints constraints;
    private long rembBps = VariantPicker.NO_ESTIMATE;
    private volatile int wanted;

    VariantRequests(List<VideoVariant> ladder) {
        this.ladder = List.copyOf(ladder);
        this.wanted = VariantPicker.pick(this.ladder, null, rembBps);
    }

    synchronized void constraints(VideoConstraints message) {
        constraints = message;
        wanted = VariantPicker.pick(ladder, constraints, rembBps);
    }

    synchronized void remb(long bitrateBps) {
        rembBps = bitrateBps;
        wanted = VariantPicker.pick(ladder, constraints, rembBps);
    }

    /** An index into the ladder, or {@link VariantPicker#OFF}. */
    int wanted() {
        return wanted;
    }
}
