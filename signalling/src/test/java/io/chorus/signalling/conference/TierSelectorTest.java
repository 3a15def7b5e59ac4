package io.chorus.signalling.conference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Tier choice from the join cap and the browser's REMB estimates, on a simulated clock. */
class TierSelectorTest {
    private static final VideoTier HIGH = new VideoTier("high", 1280, 720, 1_500_000);
    private static final VideoTier MEDIUM = new VideoTier("medium", 640, 360, 500_000);
    private static final VideoTier LOW = new VideoTier("low", 320, 180, 150_000);
    private static final List<VideoTier> TIERS = List.of(HIGH, MEDIUM, LOW);

    @Test
    void theJoinCapPicksTheBestTierThatFits() {
        assertEquals(HIGH, new TierSelector(TIERS, null, 0).current());
        assertEquals(HIGH, new TierSelector(TIERS, 1_500_000, 0).current());
        assertEquals(MEDIUM, new TierSelector(TIERS, 1_499_999, 0).current());
        assertEquals(LOW, new TierSelector(TIERS, 200_000, 0).current());
        assertEquals(LOW, new TierSelector(TIERS, 20_000, 0).current(), "below every tier: the lowest");
    }

    @Test
    void anEstimateBelowTheTierButAboveWhatIsSentIsNotCongestion() {
        TierSelector selector = new TierSelector(TIERS, null, 0);
        // Still pictures: the 1.5 Mb/s tier sends 40 kb/s, and the browser estimates ~1.5 times that.
        for (int i = 0; i < 200; i++) {
            assertNull(selector.onEstimate(60_000, 40_000, 300L * i), "REMB " + i);
        }
        assertEquals(HIGH, selector.current());
    }

    @Test
    void anEstimateLaggingARisingSendRateIsNotCongestion() {
        TierSelector selector = new TierSelector(TIERS, null, 0);
        // A new layout makes the encoder send 300 kb/s; the estimate climbs slowly from 50 kb/s.
        for (int i = 0; i < 100; i++) {
            assertNull(selector.onEstimate(50_000 + 2_000L * i, 300_000, 6_000 + 300L * i), "REMB " + i);
        }
        assertEquals(HIGH, selector.current());
    }

    @Test
    void anEstimateCutUnderWhatIsSentMovesTheReceiverDownAfterTwoSeconds() {
        TierSelector selector = new TierSelector(TIERS, null, 0);
        long t = 0;
        for (; t < 10_000; t += 500) {
            assertNull(selector.onEstimate(1_600_000, 1_200_000, t));
        }
        // The browser sees queuing and cuts its estimate to 600 kb/s while we send 1.2 Mb/s.
        assertNull(selector.onEstimate(600_000, 1_200_000, t));
        assertNull(selector.onEstimate(600_000, 1_200_000, t + 1_000), "not sustained for 2 s yet");
        assertEquals(MEDIUM, selector.onEstimate(600_000, 1_200_000, t + 2_000), "600k * 0.85 affords 500k");
        assertEquals(MEDIUM, selector.current());
    }

    @Test
    void aDeepCutSkipsStraightToTheTierThatFits() {
        TierSelector selector = new TierSelector(TIERS, null, 0);
        selector.onEstimate(2_000_000, 1_400_000, 0);
        selector.onEstimate(2_000_000, 1_400_000, 6_000);
        selector.onEstimate(160_000, 1_400_000, 7_000);
        assertEquals(LOW, selector.onEstimate(160_000, 1_400_000, 9_000));
    }

    @Test
    void aShortDipDoesNotMoveTheReceiver() {
        TierSelector selector = new TierSelector(TIERS, null, 0);
        selector.onEstimate(1_800_000, 1_300_000, 6_000);
        assertNull(selector.onEstimate(900_000, 1_300_000, 7_000));
        assertNull(selector.onEstimate(1_700_000, 1_300_000, 8_000), "recovered");
        assertNull(selector.onEstimate(900_000, 1_300_000, 9_500));
        assertNull(selector.onEstimate(900_000, 1_300_000, 10_500), "the 2 s count restarted at 9.5 s");
        assertEquals(HIGH, selector.current());
    }

    @Test
    void estimatesDuringWarmUpOrBeforeARateIsKnownAreIgnored() {
        TierSelector selector = new TierSelector(TIERS, null, 0);
        selector.onEstimate(2_000_000, 1_000_000, 0);
        assertNull(selector.onEstimate(100_000, 1_000_000, 2_500));
        assertNull(selector.onEstimate(100_000, 1_000_000, 4_900));
        assertNull(selector.onEstimate(100_000, -1, 6_000));
        assertNull(selector.onEstimate(100_000, -1, 9_000));
        assertEquals(HIGH, selector.current());
    }

    @Test
    void aReceiverBelowItsCapIsTriedOneTierUpAndBacksOffWhenTheTrialFails() {
        TierSelector selector = new TierSelector(TIERS, null, 0);
        selector.onEstimate(1_600_000, 1_400_000, 0);
        selector.onEstimate(1_600_000, 1_400_000, 6_000);
        selector.onEstimate(400_000, 1_400_000, 7_000);
        assertEquals(LOW, selector.onEstimate(400_000, 1_400_000, 9_000), "400k * 0.85 = 340k: only low fits");
        assertNull(selector.onEstimate(200_000, 140_000, 20_000), "stable on low; waiting");
        assertEquals(MEDIUM, selector.onEstimate(200_000, 140_000, 29_000), "trial after 20 s");
        // The trial fails: the browser cannot take the 500 kb/s and cuts its estimate.
        selector.onEstimate(520_000, 480_000, 30_000);
        selector.onEstimate(300_000, 480_000, 31_000);
        assertEquals(LOW, selector.onEstimate(300_000, 480_000, 33_000));
        assertNull(selector.onEstimate(200_000, 140_000, 53_500), "the next wait doubled to 40 s");
        assertEquals(MEDIUM, selector.onEstimate(200_000, 140_000, 73_000));
    }

    @Test
    void aCappedReceiverIsNeverMovedAboveItsCap() {
        TierSelector selector = new TierSelector(TIERS, 600_000, 0);
        for (long t = 0; t < 200_000; t += 1_000) {
            assertNull(selector.onEstimate(5_000_000, 450_000, t));
        }
        assertEquals(MEDIUM, selector.current());
    }

    @Test
    void anEstimateBelowTheLowestTierPausesVideoAndATrialBringsItBack() {
        TierSelector selector = new TierSelector(TIERS, null, 0);
        selector.onEstimate(1_600_000, 1_400_000, 0);
        selector.onEstimate(1_600_000, 1_400_000, 6_000);
        selector.onEstimate(90_000, 1_400_000, 7_000);
        assertEquals(VideoTier.AUDIO_ONLY, selector.onEstimate(90_000, 1_400_000, 9_000),
                "90 kb/s is under the lowest tier's 150: audio only");
        assertEquals(VideoTier.AUDIO_ONLY, selector.current());
        assertNull(selector.onEstimate(60_000, 40_000, 20_000), "audio alone: waiting");
        assertEquals(LOW, selector.onEstimate(60_000, 40_000, 29_000), "video back on the lowest tier, on trial");
    }

    @Test
    void fromTheLowestTierOnlyAnEstimateUnderItsBitratePausesVideo() {
        TierSelector selector = new TierSelector(TIERS, 200_000, 0);
        selector.onEstimate(400_000, 160_000, 0);
        selector.onEstimate(400_000, 160_000, 6_000);
        for (long t = 7_000; t < 20_000; t += 1_000) {
            assertNull(selector.onEstimate(155_000, 200_000, t), "155 kb/s still carries the 150 kb/s tier");
        }
        assertEquals(LOW, selector.current());
        selector.onEstimate(120_000, 200_000, 20_000);
        assertEquals(VideoTier.AUDIO_ONLY, selector.onEstimate(120_000, 200_000, 22_000));
    }

    @Test
    void aPausedReceiverWhoseEstimateAffordsTheLowestTierGetsVideoBackAtOnce() {
        TierSelector selector = new TierSelector(TIERS, null, 0);
        selector.onEstimate(1_600_000, 1_400_000, 0);
        selector.onEstimate(1_600_000, 1_400_000, 6_000);
        selector.onEstimate(50_000, 1_400_000, 7_000);
        assertEquals(VideoTier.AUDIO_ONLY, selector.onEstimate(50_000, 1_400_000, 9_000));
        assertEquals(LOW, selector.onEstimate(200_000, 40_000, 10_000), "200k * 0.85 affords 150k");
    }
}
