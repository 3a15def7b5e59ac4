package io.chorus.mixer.video;

import java.util.ArrayList;
import java.util.List;

/**
 * The active speaker in a large main region across the top, everyone else in a strip of equal cells
 * along the bottom, in participant order, centred. Alone, a participant fills the canvas. An unknown
 * or null speaker features the first participant.
 */
public record SpeakerLayout() implements Layout {

    /** Height of the bottom strip; the main region takes the rest. */
    public static final Fraction STRIP_HEIGHT = Fraction.of(1, 5);

    /**
     * The strip is cut into at least this many cells, so that a few others get cells of the canvas's own
     * shape (a fifth by a fifth of a 16:9 canvas is 16:9) instead of wide bands they would letterbox in.
     */
    public static final int MIN_STRIP_CELLS = 5;

    private static final Fraction MAIN_HEIGHT = Fraction.of(STRIP_HEIGHT.denominator() - STRIP_HEIGHT.numerator(),
            STRIP_HEIGHT.denominator());

    @Override
    public List<Tile> arrange(List<String> participantIds, String activeSpeaker, int canvasWidth, int canvasHeight) {
        Tiles.checkParticipants(participantIds);
        int count = participantIds.size();
        List<String> ordered = new ArrayList<>(count);
        List<Region> regions = new ArrayList<>(count);
        if (count == 1) {
            ordered.add(participantIds.get(0));
            regions.add(new Region(Fraction.ZERO, Fraction.ZERO, Fraction.ONE, Fraction.ONE, 0));
        } else if (count > 1) {
            String featured = activeSpeaker != null && participantIds.contains(activeSpeaker) ? activeSpeaker : participantIds.get(0);
            ordered.add(featured);
            regions.add(new Region(Fraction.ZERO, Fraction.ZERO, Fraction.ONE, MAIN_HEIGHT, 0));
            int others = count - 1;
            int cells = Math.max(others, MIN_STRIP_CELLS);
            Fraction cellWidth = Fraction.of(1, cells);
            int slot = 0;
            for (String id : participantIds) {
                if (!id.equals(featured)) {
                    ordered.add(id);
                    Fraction x = Fraction.of(2 * slot + (cells - others), 2 * cells);
                    regions.add(new Region(x, MAIN_HEIGHT, cellWidth, STRIP_HEIGHT, 0));
                    slot++;
                }
            }
        }
        return Tiles.assign(ordered, regions, canvasWidth, canvasHeight);
    }
}
