package io.chorus.mixer.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chorus.mixer.video.Fraction;
import io.chorus.mixer.video.Layout;
import io.chorus.mixer.video.Region;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TileDemandTest {
    private static final int W = 1280;
    private static final int H = 720;
    private static final TileDemand CANVAS = new TileDemand(W, H, 30);

    private static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "p" + i).collect(Collectors.toList());
    }

    private static Map<String, VideoDemand> demands(Layout layout, List<String> ids, String speaker, int outputWidth,
            int outputHeight) {
        return CANVAS.demands(ids, layout.arrange(ids, speaker, W, H), outputWidth, outputHeight);
    }

    @ParameterizedTest
    @CsvSource({"1,1280,720", "4,640,360", "16,320,180"})
    void aFullGridAsksEveryoneForTheirCellAtTheRoomFrameRate(int count, int width, int height) {
        Map<String, VideoDemand> demands = demands(Layout.grid(), ids(count), null, W, H);
        assertEquals(ids(count), List.copyOf(demands.keySet()));
        for (VideoDemand d : demands.values()) {
            assertEquals(new VideoDemand(width, height, 30), d);
        }
    }

    @Test
    void aGridOfNineGetsThirdsSnappedToEvenEdges() {
        // Edges at 0, 426, 854, 1280: the middle column is 4 px wider than the outer ones.
        Map<String, VideoDemand> demands = demands(Layout.grid(), ids(9), null, W, H);
        for (int i = 0; i < 9; i++) {
            int width = i % 3 == 1 ? 428 : 426;
            assertEquals(new VideoDemand(width, 240, 30), demands.get("p" + i), "p" + i);
        }
    }

    @Test
    void theSpeakerGetsTheMainRegionAndTheOthersStripCells() {
        Map<String, VideoDemand> demands = demands(Layout.speaker(), ids(3), "p1", W, H);
        assertEquals(new VideoDemand(1280, 576, 30), demands.get("p1"));
        // Five strip cells at least: a fifth of the width by a fifth of the height.
        assertEquals(new VideoDemand(256, 144, 30), demands.get("p0"));
        assertEquals(new VideoDemand(256, 144, 30), demands.get("p2"));
    }

    @Test
    void participantsACustomLayoutLeavesOutAreNotShown() {
        Layout twoRegions = Layout.custom(List.of(
                new Region(Fraction.ZERO, Fraction.ZERO, Fraction.of(3, 4), Fraction.ONE, 0),
                new Region(Fraction.of(3, 4), Fraction.ZERO, Fraction.of(1, 4), Fraction.of(1, 4), 1)));
        Map<String, VideoDemand> demands = demands(twoRegions, ids(4), null, W, H);
        assertEquals(new VideoDemand(960, 720, 30), demands.get("p0"));
        assertEquals(new VideoDemand(320, 180, 30), demands.get("p1"));
        assertEquals(VideoDemand.NONE, demands.get("p2"));
        assertEquals(VideoDemand.NONE, demands.get("p3"));
        assertEquals(false, demands.get("p3").shown());
    }

    @Test
    void aProfileSmallerThanTheCanvasScalesTheDemandDown() {
        assertEquals(new VideoDemand(320, 180, 30), demands(Layout.grid(), ids(4), null, 640, 360).get("p0"));
        // 426 x 640/1280 = 213 and 428 x 640/1280 = 214: rounded up to even, both ask for 214.
        Map<String, VideoDemand> nine = demands(Layout.grid(), ids(9), null, 640, 360);
        assertEquals(new VideoDemand(214, 120, 30), nine.get("p0"));
        assertEquals(new VideoDemand(214, 120, 30), nine.get("p1"));
    }

    @Test
    void eachAxisScalesByTheLargestProfileOnThatAxis() {
        // A 4:3 profile squeezes the 16:9 canvas horizontally only.
        assertEquals(new VideoDemand(320, 360, 30), demands(Layout.grid(), ids(4), null, 640, 720).get("p0"));
    }

    @Test
    void aProfileLargerThanTheCanvasAsksNoMoreThanTheTile() {
        assertEquals(new VideoDemand(640, 360, 30), demands(Layout.grid(), ids(4), null, 1920, 1080).get("p0"));
    }

    @Test
    void withNoReceiversTheCanvasItselfSetsTheDemand() {
        assertEquals(new VideoDemand(640, 360, 30), demands(Layout.grid(), ids(4), null, 0, 0).get("p0"));
    }

    @Test
    void aHalfGivenLargestOutputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> demands(Layout.grid(), ids(4), null, 640, 0));
    }

    @Test
    void aDemandIsEitherNoneOrEvenAndPositive() {
        assertThrows(IllegalArgumentException.class, () -> new VideoDemand(641, 360, 30));
        assertThrows(IllegalArgumentException.class, () -> new VideoDemand(640, 360, 0));
        assertThrows(IllegalArgumentException.class, () -> new VideoDemand(0, 0, 30));
        assertEquals("640x360@30", new VideoDemand(640, 360, 30).toString());
        assertEquals("none", VideoDemand.NONE.toString());
    }
}
