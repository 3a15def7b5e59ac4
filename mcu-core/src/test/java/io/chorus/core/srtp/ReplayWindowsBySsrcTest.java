package io.chorus.core.srtp;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReplayWindowsBySsrcTest {
    @Test
    void findsEveryWindowAcrossGrowthIncludingSsrcZeroAndNegativeInts() {
        ReplayWindowsBySsrc table = new ReplayWindowsBySsrc();
        Map<Integer, ReplayWindow> expected = new HashMap<>();
        Random random = new Random(7);
        int[] special = {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 1, 2, 3};
        for (int i = 0; i < 500; i++) {
            int ssrc = i < special.length ? special[i] : random.nextInt();
            if (expected.containsKey(ssrc)) {
                continue;
            }
            ReplayWindow window = new ReplayWindow(i);
            table.add(ssrc, window);
            expected.put(ssrc, window);
        }

        expected.forEach((ssrc, window) -> assertSame(window, table.get(ssrc), "ssrc " + ssrc));
        assertNull(table.get(12345));
    }
}
