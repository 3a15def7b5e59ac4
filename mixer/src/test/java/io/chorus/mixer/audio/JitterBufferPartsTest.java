package io.chorus.mixer.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The jitter buffer's internal parts, where their edge cases are easier to reach than through the buffer. */
class JitterBufferPartsTest {
    @Test
    void durationIsTheSmallestTimestampDifference() {
        PacketDurationEstimate estimate = new PacketDurationEstimate();
        assertEquals(960, estimate.samples());
        observe(estimate, 0, 1920);
        assertEquals(960, estimate.samples(), "one reordered pair is no evidence of 40 ms packets");
        observe(estimate, 960);
        assertEquals(960, estimate.samples());
        observe(estimate, 4800, 5760, 7680);
        assertEquals(960, estimate.samples(), "losses leave it alone");
    }

    @Test
    void longerPacketsAreRecognisedOnceRepeatedAndShorterOnesAtOnce() {
        PacketDurationEstimate forty = new PacketDurationEstimate();
        observe(forty, 0, 1920);
        assertEquals(960, forty.samples());
        observe(forty, 3840);
        assertEquals(1920, forty.samples());

        PacketDurationEstimate ten = new PacketDurationEstimate();
        observe(ten, 0, 480);
        assertEquals(480, ten.samples());
    }

    @Test
    void gapsAndRestartsAreNotDurations() {
        PacketDurationEstimate estimate = new PacketDurationEstimate();
        observe(estimate, 0, 20_000, 40_000, 60_000);
        assertEquals(960, estimate.samples(), "differences beyond 120 ms are gaps");
        observe(estimate, 60_050);
        assertEquals(960, estimate.samples(), "differences below 2.5 ms are not Opus packets");
        estimate.forgetTimestamps();
        observe(estimate, 61_000);
        assertEquals(960, estimate.samples(), "a restart is not compared with the old timestamps");
    }

    @Test
    void constantTransitHasNoJitterAndAlternatingTransitConverges() {
        InterarrivalJitter steady = new InterarrivalJitter(240, 9600);
        InterarrivalJitter alternating = new InterarrivalJitter(0, 9600);
        for (int n = 0; n < 400; n++) {
            long sent = n * 960L;
            long arrival = n * 20_000_000L;
            steady.update(sent, arrival);
            alternating.update(sent, arrival + (n % 2) * 10_000_000L);
        }
        assertEquals(0, steady.samples(), 1e-6);
        assertEquals(480, alternating.samples(), 1e-6, "10 ms steps between transits");
    }

    @Test
    void timestampJumpIsCappedAndForgettingTheTransitIgnoresIt() {
        InterarrivalJitter jitter = new InterarrivalJitter(0, 9600);
        jitter.update(0, 0);
        jitter.update(1_000_000_000L, 20_000_000L);
        assertEquals(600, jitter.samples(), 1e-6, "capped at 9600 / 16");

        InterarrivalJitter restarted = new InterarrivalJitter(0, 9600);
        restarted.update(0, 0);
        restarted.forgetTransit();
        restarted.update(1_000_000_000L, 20_000_000L);
        assertEquals(0, restarted.samples());
    }

    private static void observe(PacketDurationEstimate estimate, long... timestamps) {
        for (long timestamp : timestamps) {
            estimate.observe(timestamp);
        }
    }
}
