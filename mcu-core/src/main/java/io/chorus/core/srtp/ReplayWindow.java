package io.chorus.core.srtp;

import java.util.Arrays;

/**
 * The packet indices seen for one SSRC (RFC 3711 section 3.3.2): the highest index so far plus a
 * bitmap of the {@value #SIZE} indices up to it. The bitmap is a ring addressed by
 * {@code index mod SIZE}, so moving forward clears only the slots that fall out, never shifts.
 *
 * <p>{@value #SIZE} rather than the RFC's minimum of 64 because a video keyframe is a burst of
 * hundreds of packets that the network may reorder, and a window that is too small turns late
 * but genuine packets into losses.
 */
final class ReplayWindow {
    static final int SIZE = 1024;
    private static final int SLOT_MASK = SIZE - 1;

    private final long[] seen = new long[SIZE / Long.SIZE];
    private long highest;

    /** A window created by the first packet accepted for an SSRC. */
    ReplayWindow(long firstIndex) {
        highest = firstIndex;
        mark(firstIndex);
    }

    long highest() {
        return highest;
    }

    /** Throws if {@code index} must be refused; changes nothing either way. */
    void check(long index) throws SrtpException {
        if (index > highest) {
            return;
        }
        if (index < 0 || highest - index >= SIZE) {
            throw new SrtpException(SrtpException.Reason.TOO_OLD,
                    "index " + index + " is behind the replay window ending at " + highest);
        }
        if (isMarked(index)) {
            throw new SrtpException(SrtpException.Reason.REPLAYED, "index " + index + " already seen");
        }
    }

    /** Records an index that passed {@link #check} and authenticated. */
    void accept(long index) {
        if (index > highest) {
            if (index - highest >= SIZE) {
                Arrays.fill(seen, 0L);
            } else {
                for (long dropped = highest + 1; dropped < index; dropped++) {
                    clear(dropped);
                }
            }
            highest = index;
        }
        mark(index);
    }

    private boolean isMarked(long index) {
        int slot = (int) (index & SLOT_MASK);
        return (seen[slot >>> 6] & (1L << slot)) != 0;
    }

    private void mark(long index) {
        int slot = (int) (index & SLOT_MASK);
        seen[slot >>> 6] |= 1L << slot;
    }

    private void clear(long index) {
        int slot = (int) (index & SLOT_MASK);
        seen[slot >>> 6] &= ~(1L << slot);
    }
}
