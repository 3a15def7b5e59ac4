package io.chorus.mixer.room;

import io.chorus.mixer.video.TileContent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the canvas showed at the last compose, tile by tile: where, which picture (its decode
 * sequence, -1 for a placeholder) and which label. A tick that would paint exactly that again
 * skips composing and encodes the canvas as it stands: with every camera still, or nobody sending
 * video, no pixel is touched. Pictures are compared by sequence, not by object: the picture ring
 * reuses its buffers. Tick thread only.
 */
final class CanvasChange {
    private final List<TileContent> shown = new ArrayList<>();
    private long[] shownSequences = new long[0];
    private boolean composedOnce;

    /**
     * Whether a frame of these tiles differs from the last one recorded; if it does, it becomes the
     * one recorded.
     *
     * @param sequences the decode sequence of each tile's picture, -1 for a placeholder
     */
    boolean changed(List<TileContent> contents, long[] sequences) {
        if (composedOnce && same(contents, sequences)) {
            return false;
        }
        shown.clear();
        shown.addAll(contents);
        if (shownSequences.length < contents.size()) {
            shownSequences = new long[sequences.length];
        }
        System.arraycopy(sequences, 0, shownSequences, 0, contents.size());
        composedOnce = true;
        return true;
    }

    private boolean same(List<TileContent> contents, long[] sequences) {
        if (contents.size() != shown.size()) {
            return false;
        }
        for (int i = 0; i < contents.size(); i++) {
            TileContent now = contents.get(i);
            TileContent then = shown.get(i);
            if (sequences[i] != shownSequences[i] || now.scaledPicture() != then.scaledPicture()
                    || !now.tile().equals(then.tile()) || !Objects.equals(now.placement(), then.placement())
                    || !Objects.equals(now.displayName(), then.displayName())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return shown.size() + " tiles, sequences " + Arrays.toString(Arrays.copyOf(shownSequences, shown.size()));
    }
}
