package io.chorus.mixer.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemandHysteresisTest {
    private static final long MS = 1_000_000L;
    private static final VideoDemand BIG = new VideoDemand(1280, 576, 30);
    private static final VideoDemand MID = new VideoDemand(640, 360, 30);
    private static final VideoDemand SMALL = new VideoDemand(256, 144, 30);

    private final DemandHysteresis hysteresis = new DemandHysteresis(DemandHysteresis.DEFAULT_HOLD);

    @Test
    void theFirstDemandIsPublishedAndAnUnchangedOneIsNot() {
        assertEquals(MID, hysteresis.offer(MID, 0));
        assertNull(hysteresis.offer(MID, 33 * MS));
        assertNull(hysteresis.offer(MID, 60_000 * MS));
    }

    @Test
    void growthIsPublishedAtOnce() {
        hysteresis.offer(MID, 0);
        assertEquals(BIG, hysteresis.offer(BIG, 1 * MS));
    }

    @Test
    void growthInOneDimensionIsPublishedAtOnceEvenIfTheAreaShrinks() {
        hysteresis.offer(MID, 0);
        VideoDemand taller = new VideoDemand(200, 400, 30);
        assertEquals(taller, hysteresis.offer(taller, 1 * MS));
    }

    @Test
    void aShrinkIsPublishedOnceItHasHeldForTheHoldTime() {
        hysteresis.offer(BIG, 0);
        assertNull(hysteresis.offer(SMALL, 100 * MS));
        assertNull(hysteresis.offer(SMALL, 2099 * MS));
        assertEquals(SMALL, hysteresis.offer(SMALL, 2100 * MS));
        assertNull(hysteresis.offer(SMALL, 2133 * MS));
    }

    @Test
    void aShrinkThatChangesOnTheWayRestartsTheHold() {
        hysteresis.offer(BIG, 0);
        assertNull(hysteresis.offer(MID, 0));
        assertNull(hysteresis.offer(SMALL, 1500 * MS));
        assertNull(hysteresis.offer(SMALL, 3000 * MS));
        assertEquals(SMALL, hysteresis.offer(SMALL, 3500 * MS));
    }

    @Test
    void aShrinkUndoneWithinTheHoldIsNeverPublished() {
        hysteresis.offer(BIG, 0);
        assertNull(hysteresis.offer(SMALL, 0));
        assertNull(hysteresis.offer(BIG, 1000 * MS));
        assertNull(hysteresis.offer(SMALL, 1500 * MS));
        assertNull(hysteresis.offer(SMALL, 3000 * MS), "the hold restarted at 1.5 s");
        assertEquals(SMALL, hysteresis.offer(SMALL, 3500 * MS));
    }

    @Test
    void alternatingDemandsLeaveTheLargerOnePublished() {
        assertEquals(BIG, hysteresis.offer(BIG, 0));
        for (long t = 1; t <= 600; t++) {
            VideoDemand wanted = t % 2 == 0 ? BIG : SMALL;
            assertNull(hysteresis.offer(wanted, t * 33 * MS), "tick " + t);
        }
        // Slower than the ticks but faster than the hold: still no change.
        for (long s = 1; s <= 20; s++) {
            assertNull(hysteresis.offer(s % 2 == 0 ? BIG : SMALL, 20_000 * MS + s * 1500 * MS), "step " + s);
        }
    }

    @Test
    void aShrinkOfTenPercentOrLessIsNotWorthPublishing() {
        hysteresis.offer(MID, 0);
        // 616x348 carries 93% of the pixels: 96.5% of the area-equivalent width.
        VideoDemand slightlySmaller = new VideoDemand(616, 348, 30);
        assertNull(hysteresis.offer(slightlySmaller, 0));
        assertNull(hysteresis.offer(slightlySmaller, 60_000 * MS));
        // 560x316 is 87% of the width: worth it, after the hold.
        VideoDemand smaller = new VideoDemand(560, 316, 30);
        assertNull(hysteresis.offer(smaller, 60_000 * MS));
        assertEquals(smaller, hysteresis.offer(smaller, 62_000 * MS));
    }

    @Test
    void aLowerFrameRateIsPublishedAfterTheHold() {
        hysteresis.offer(MID, 0);
        VideoDemand slower = new VideoDemand(640, 360, 15);
        assertNull(hysteresis.offer(slower, 0));
        assertEquals(slower, hysteresis.offer(slower, 2000 * MS));
    }

    @Test
    void disappearingAndReappearingArePublishedAtOnce() {
        hysteresis.offer(MID, 0);
        assertEquals(VideoDemand.NONE, hysteresis.offer(VideoDemand.NONE, 1 * MS));
        assertNull(hysteresis.offer(VideoDemand.NONE, 5000 * MS));
        assertEquals(SMALL, hysteresis.offer(SMALL, 5001 * MS), "a smaller tile than before, but newly shown");
    }

    @Test
    void aZeroHoldPublishesShrinksAtOnce() {
        DemandHysteresis immediate = new DemandHysteresis(Duration.ZERO);
        immediate.offer(BIG, 0);
        assertEquals(SMALL, immediate.offer(SMALL, 0));
    }
}
