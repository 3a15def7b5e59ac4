package io.chorus.mixer.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.chorus.mixer.video.Fraction;
import io.chorus.mixer.video.Layout;
import io.chorus.mixer.video.Region;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomDemandsTest {
    private static final long SECOND = 1_000_000_000L;
    private static final int W = 640;
    private static final int H = 360;

    private record Published(String id, VideoDemand demand) {
    }

    private final List<Published> published = new ArrayList<>();
    private final RoomDemands demands = new RoomDemands(new TileDemand(W, H, 15), DemandHysteresis.DEFAULT_HOLD,
            (id, d) -> published.add(new Published(id, d)));

    private void tick(Layout layout, List<String> ids, int outputWidth, int outputHeight, long nowNanos) {
        demands.update(ids, layout.arrange(ids, null, W, H), outputWidth, outputHeight, nowNanos);
    }

    @Test
    void everyInputIsPublishedOnceAndThenOnlyOnChange() {
        List<String> ids = List.of("a", "b");
        tick(Layout.grid(), ids, 0, 0, 0);
        assertEquals(List.of(new Published("a", new VideoDemand(320, 360, 15)),
                new Published("b", new VideoDemand(320, 360, 15))), published);
        for (int t = 1; t < 100; t++) {
            tick(Layout.grid(), ids, 0, 0, t * SECOND / 15);
        }
        assertEquals(2, published.size(), "nothing changed: " + published);
        assertEquals(new VideoDemand(320, 360, 15), demands.latest("b"));
    }

    @Test
    void aJoinerWithoutATileIsPublishedAsNotShownAndALeaverIsForgotten() {
        Layout oneRegion = Layout.custom(List.of(new Region(Fraction.ZERO, Fraction.ZERO, Fraction.ONE, Fraction.ONE, 0)));
        tick(oneRegion, List.of("a"), 0, 0, 0);
        tick(oneRegion, List.of("a", "b"), 0, 0, SECOND);
        assertEquals(new Published("b", VideoDemand.NONE), published.get(published.size() - 1));
        assertEquals(VideoDemand.NONE, demands.latest("b"));
        tick(oneRegion, List.of("b"), 0, 0, 2 * SECOND);
        assertNull(demands.latest("a"));
        assertEquals(new Published("b", new VideoDemand(640, 360, 15)), published.get(published.size() - 1),
                "b inherits the canvas and is shown at once");
    }

    @Test
    void aSmallerLargestProfileShrinksTheDemandAfterTheHold() {
        List<String> ids = List.of("a", "b", "c", "d");
        tick(Layout.grid(), ids, 640, 360, 0);
        published.clear();
        tick(Layout.grid(), ids, 320, 180, SECOND);
        tick(Layout.grid(), ids, 320, 180, 2 * SECOND);
        assertEquals(List.of(), published, "held");
        tick(Layout.grid(), ids, 320, 180, 3 * SECOND);
        assertEquals(4, published.size());
        assertEquals(new VideoDemand(160, 90, 15), demands.latest("d"));
    }
}
