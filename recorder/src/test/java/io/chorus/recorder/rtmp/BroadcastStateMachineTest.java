package io.chorus.recorder.rtmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BroadcastStateMachineTest {
    private final List<BroadcastState> seen = new ArrayList<>();
    private final BroadcastStateMachine machine = new BroadcastStateMachine("test", s -> seen.add(s.state()));

    @Test
    void reportsEveryChangeInOrder() {
        machine.announce();
        machine.moveTo(BroadcastStatus.of(BroadcastState.LIVE, ""));
        machine.moveTo(new BroadcastStatus(BroadcastState.RECONNECTING, "write failed", 1, Duration.ofSeconds(1)));
        machine.moveTo(new BroadcastStatus(BroadcastState.RECONNECTING, "connect refused", 2, Duration.ofSeconds(2)));
        machine.moveTo(BroadcastStatus.of(BroadcastState.LIVE, ""));
        machine.moveTo(BroadcastStatus.of(BroadcastState.STOPPED, ""));
        assertEquals(List.of(BroadcastState.CONNECTING, BroadcastState.LIVE, BroadcastState.RECONNECTING,
                BroadcastState.RECONNECTING, BroadcastState.LIVE, BroadcastState.STOPPED), seen);
        assertEquals(BroadcastState.STOPPED, machine.current().state());
    }

    @Test
    void changesAfterAFinalStateAreIgnored() {
        assertTrue(machine.moveTo(BroadcastStatus.of(BroadcastState.STOPPED, "")));
        assertFalse(machine.moveTo(new BroadcastStatus(BroadcastState.RECONNECTING, "late", 1, Duration.ofSeconds(1))));
        assertEquals(List.of(BroadcastState.STOPPED), seen);
    }

    @Test
    void anImpossibleMoveIsABug() {
        machine.moveTo(BroadcastStatus.of(BroadcastState.LIVE, ""));
        assertThrows(IllegalStateException.class, () -> machine.moveTo(BroadcastStatus.of(BroadcastState.CONNECTING, "")));
        assertThrows(IllegalStateException.class, () -> machine.moveTo(BroadcastStatus.of(BroadcastState.LIVE, "")));
    }

    @Test
    void aFailingListenerDoesNotStopTheChange() {
        BroadcastStateMachine throwing = new BroadcastStateMachine("test", s -> {
            throw new IllegalStateException("listener bug");
        });
        assertTrue(throwing.moveTo(BroadcastStatus.of(BroadcastState.LIVE, "")));
        assertEquals(BroadcastState.LIVE, throwing.current().state());
    }
}
