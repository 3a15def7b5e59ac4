package io.chorus.core.srtp;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chorus.core.srtp.SrtpException.Reason;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {
    @Test
    void everyIndexOfALongInOrderRunIsRememberedForOneWindow() throws SrtpException {
        ReplayWindow window = new ReplayWindow(0);
        for (long index = 1; index <= 3000; index++) {
            window.check(index);
            window.accept(index);
        }

        for (long index = 3000 - ReplayWindow.SIZE + 1; index <= 3000; index++) {
            assertEquals(Reason.REPLAYED, refusal(window, index), "index " + index);
        }
        assertEquals(Reason.TOO_OLD, refusal(window, 3000 - ReplayWindow.SIZE));
        assertDoesNotThrow(() -> window.check(3001));
    }

    @Test
    void slotsReusedByTheRingStartEmpty() {
        ReplayWindow window = new ReplayWindow(0);
        window.accept(1000);
        window.accept(ReplayWindow.SIZE + 6); // index SIZE shares slot 0 with index 0

        assertDoesNotThrow(() -> window.check(ReplayWindow.SIZE));
        assertDoesNotThrow(() -> window.check(1006));
        assertEquals(Reason.REPLAYED, refusal(window, 1000));
        assertEquals(Reason.TOO_OLD, refusal(window, 0));
    }

    @Test
    void aJumpBeyondTheWindowForgetsEverything() {
        ReplayWindow window = new ReplayWindow(5);
        window.accept(6);
        window.accept(5 + 3L * ReplayWindow.SIZE);

        long highest = window.highest();
        assertEquals(5 + 3L * ReplayWindow.SIZE, highest);
        for (long index = highest - ReplayWindow.SIZE + 1; index < highest; index++) {
            long fresh = index;
            assertDoesNotThrow(() -> window.check(fresh), "index " + index);
        }
        assertEquals(Reason.REPLAYED, refusal(window, highest));
    }

    @Test
    void lateIndicesInsideTheWindowAreAcceptedOnce() throws SrtpException {
        ReplayWindow window = new ReplayWindow(100);
        window.accept(110);

        window.check(105);
        window.accept(105);

        assertEquals(110, window.highest());
        assertEquals(Reason.REPLAYED, refusal(window, 105));
        assertEquals(Reason.TOO_OLD, refusal(window, -1));
    }

    private static Reason refusal(ReplayWindow window, long index) {
        return assertThrows(SrtpException.class, () -> window.check(index)).reason();
    }
}
