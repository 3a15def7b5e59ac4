package io.chorus.core.srtp;

/**
 * Open-addressing map from SSRC to {@link ReplayWindow}. Exists so that the per-packet lookup
 * neither boxes the SSRC nor allocates; entries are never removed because a session's SSRC set is
 * small and entries are only added for packets that authenticated.
 */
final class ReplayWindowsBySsrc {
    private int[] ssrcs = new int[16];
    private ReplayWindow[] windows = new ReplayWindow[16];
    private int size;

    ReplayWindow get(int ssrc) {
        int mask = windows.length - 1;
        for (int slot = spread(ssrc) & mask; windows[slot] != null; slot = (slot + 1) & mask) {
            if (ssrcs[slot] == ssrc) {
                return windows[slot];
            }
        }
        return null;
    }

    /** Adds a window for an SSRC that has none yet. */
    void add(int ssrc, ReplayWindow window) {
        if (2 * (size + 1) > windows.length) {
            grow();
        }
        insert(ssrc, window);
        size++;
    }

    private void insert(int ssrc, ReplayWindow window) {
        int mask = windows.length - 1;
        int slot = spread(ssrc) & mask;
        while (windows[slot] != null) {
            slot = (slot + 1) & mask;
        }
        ssrcs[slot] = ssrc;
        windows[slot] = window;
    }

    private void grow() {
        int[] oldSsrcs = ssrcs;
        ReplayWindow[] oldWindows = windows;
        ssrcs = new int[oldSsrcs.length * 2];
        windows = new ReplayWindow[oldWindows.length * 2];
        for (int i = 0; i < oldWindows.length; i++) {
            if (oldWindows[i] != null) {
                insert(oldSsrcs[i], oldWindows[i]);
            }
        }
    }

    /** SSRCs are random but a sender may pick neighbours; the multiply spreads them over the table. */
    private static int spread(int ssrc) {
        int h = ssrc * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
