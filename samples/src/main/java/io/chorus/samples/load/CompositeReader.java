package io.chorus.samples.load;

import io.chorus.mixer.video.Fit;
import io.chorus.mixer.video.FitPolicy;
import io.chorus.mixer.video.I420Picture;
import io.chorus.mixer.video.Layout;
import io.chorus.mixer.video.Placement;
import io.chorus.mixer.video.Tile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds each member's frame counter in a decoded composite and turns the first sighting of every
 * counter into a mixer latency sample: when the composite showing it arrived minus when that frame
 * was sent. Tiles are worked out as the server does (grid layout, letterbox fit, members in join
 * order) on the received picture's size; a tier smaller than the canvas is the canvas scaled, so
 * the same arithmetic holds up to rounding, which the counter's cell sampling absorbs.
 */
final class CompositeReader {
    private final Roster roster;
    private final int sourceWidth;
    private final int sourceHeight;
    private final Map<String, Integer> lastCounter = new HashMap<>();
    private long readable;
    private long unreadable;

    CompositeReader(Roster roster, int sourceWidth, int sourceHeight) {
        this.roster = roster;
        this.sourceWidth = sourceWidth;
        this.sourceHeight = sourceHeight;
    }

    /** Reads every member's tile of a composite that arrived (was complete) at {@code arrivedNanos}. */
    void read(I420Picture composite, long arrivedNanos) {
        List<Roster.Member> members = roster.members();
        List<Tile> tiles = Layout.grid().arrange(roster.ids(), null, composite.width(), composite.height());
        for (int i = 0; i < tiles.size(); i++) {
            Tile tile = tiles.get(i);
            Roster.Member member = members.get(i);
            Placement at = Fit.place(sourceWidth, sourceHeight, tile, FitPolicy.LETTERBOX);
            int counter = FrameCounter.read(composite, at.dstX(), at.dstY(), at.dstWidth(), at.dstHeight());
            if (counter == FrameCounter.UNREADABLE) {
                unreadable++;
                continue;
            }
            readable++;
            Integer last = lastCounter.put(member.id(), counter);
            if (last != null && last == counter) {
                continue;
            }
            long sent = member.sends().sentBefore(counter, arrivedNanos);
            if (sent != Long.MIN_VALUE) {
                member.latenciesMs().add((arrivedNanos - sent) / 1e6);
            }
        }
    }

    long readableTiles() {
        return readable;
    }

    long unreadableTiles() {
        return unreadable;
    }
}
