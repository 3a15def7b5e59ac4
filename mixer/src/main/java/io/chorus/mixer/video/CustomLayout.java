package io.chorus.mixer.video;

import java.util.List;

/**
 * Fixed regions: the i-th participant (in the order given to {@link #arrange}) takes the i-th region;
 * participants beyond the last region are not shown and regions beyond the last participant stay
 * empty. Regions may overlap; the higher {@code z} is drawn on top.
 */
public record CustomLayout(List<Region> regions) implements Layout {

    public CustomLayout {
        if (regions == null || regions.isEmpty()) {
            throw new IllegalArgumentException("custom layout needs at least one region");
        }
        for (int i = 0; i < regions.size(); i++) {
            if (regions.get(i) == null) {
                throw new IllegalArgumentException("custom layout region " + i + " is null");
            }
        }
        regions = List.copyOf(regions);
    }

    @Override
    public List<Tile> arrange(List<String> participantIds, String activeSpeaker, int canvasWidth, int canvasHeight) {
        Tiles.checkParticipants(participantIds);
        return Tiles.assign(participantIds, regions, canvasWidth, canvasHeight);
    }
}
