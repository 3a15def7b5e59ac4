package io.chorus.core.rtp.codec;

import static io.chorus.core.rtp.codec.SequenceJumpFilter.Verdict.NEAR;
import static io.chorus.core.rtp.codec.SequenceJumpFilter.Verdict.RESTART;
import static io.chorus.core.rtp.codec.SequenceJumpFilter.Verdict.SUSPECT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SequenceJumpFilterTest {
    private final SequenceJumpFilter filter = new SequenceJumpFilter();

    @Test
    void packetsWithinTheDropoutAreNearEitherWay() {
        assertEquals(NEAR, filter.judge(10_000 + SequenceJumpFilter.MAX_DROPOUT, 10_000));
        assertEquals(NEAR, filter.judge(10_000 - SequenceJumpFilter.MAX_DROPOUT, 10_000));
    }

    @Test
    void aFarPacketIsBelievedOnlyWhenItsSuccessorFollows() {
        long highest = 100_000;
        assertEquals(SUSPECT, filter.judge(highest + 5000, highest));
        assertEquals(SUSPECT, filter.judge(highest + 5002, highest), "not the successor");
        assertEquals(RESTART, filter.judge(highest + 5003, highest));
        assertEquals(SUSPECT, filter.judge(highest - 9000, highest), "each restart needs its own confirmation");
        assertEquals(NEAR, filter.judge(highest + 1, highest), "a near packet in between clears the suspicion");
        assertEquals(SUSPECT, filter.judge(highest - 8999, highest));
    }
}
