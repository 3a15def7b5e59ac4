package io.chorus.mixer.video;

import java.util.ArrayList;
import java.util.List;

/**
 * Everyone in equal cells: {@code ceil(sqrt(n))} columns, as many rows as needed, filled row by row in
 * participant order; a last row that is not full is centred horizontally.
 */
public record GridLayout() implements Layout {

    @Override
    public List<Tile> arrange(List<String> participantIds, String activeSpeaker, int canvasWidth, int canvasHeight) {
        Tiles.checkParticipants(participantIds);
        int count = participantIds.size();
        List<Region> regions = new ArrayList<>(count);
        if (count > 0) {
            int columns = columns(count);
            int rows = rows(count);
            Fraction cellWidth = Fraction.of(1, columns);
            Fraction cellHeight = Fraction.of(1, rows);
            for (int i = 0; i < count; i++) {
                int row = i / columns;
                int inRow = Math.min(columns, count - row * columns);
                // Shifting by half the empty cells centres a short last row; full rows have none.
                Fraction x = Fraction.of(2 * (i % columns) + (columns - inRow), 2 * columns);
                regions.add(new Region(x, Fraction.of(row, rows), cellWidth, cellHeight, 0));
            }
        }
        return Tiles.assign(participantIds, regions, canvasWidth, canvasHeight);
    }

    /** {@code ceil(sqrt(count))}, computed exactly. */
    public static int columns(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("participant count must not be negative: " + count);
        }
        int columns = (int) Math.sqrt(count);
        while (columns * columns < count) {
            columns++;
        }
        return columns;
    }

    /** {@code ceil(count / columns(count))}. */
    public static int rows(int count) {
        int columns = columns(count);
        return columns == 0 ? 0 : (count + columns - 1) / columns;
    }
}
