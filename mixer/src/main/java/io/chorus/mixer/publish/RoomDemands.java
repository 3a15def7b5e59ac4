package io.chorus.mixer.publish;

import io.chorus.mixer.video.Tile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * One room's demands: recomputed by {@link TileDemand} when the tiles, the participants or the largest
 * output change, passed every tick through each input's {@link DemandHysteresis} (so held shrinks come
 * due), and handed to a listener when one is published. The video tick calls {@link #update} every
 * tick; when nothing changed that allocates nothing.
 */
public final class RoomDemands {
    private final TileDemand calculator;
    private final Duration hold;
    private final BiConsumer<String, VideoDemand> listener;
    private final Map<String, VideoDemand> latest = new ConcurrentHashMap<>();
    private List<Input> inputs = List.of();
    private List<String> lastIds = List.of();
    private List<Tile> lastTiles = List.of();
    private int lastOutputWidth = -1;
    private int lastOutputHeight = -1;

    /** @param listener called on the tick thread with each published demand; must not block */
    public RoomDemands(TileDemand calculator, Duration hold, BiConsumer<String, VideoDemand> listener) {
        this.calculator = Objects.requireNonNull(calculator, "calculator");
        this.hold = Objects.requireNonNull(hold, "hold");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Video tick thread: the room's participants and the tiles laid out for them at media time
     * {@code nowNanos}; the largest output is 0x0 when nobody receives video (see {@link TileDemand}).
     */
    public void update(List<String> participantIds, List<Tile> tiles, int largestOutputWidth, int largestOutputHeight,
            long nowNanos) {
        if (largestOutputWidth != lastOutputWidth || largestOutputHeight != lastOutputHeight
                || !sameElements(participantIds, lastIds) || !sameElements(tiles, lastTiles)) {
            recompute(participantIds, tiles, largestOutputWidth, largestOutputHeight);
        }
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            VideoDemand due = input.hysteresis.offer(input.wanted, nowNanos);
            if (due != null) {
                latest.put(input.id, due);
                listener.accept(input.id, due);
            }
        }
    }

    /** Any thread: the demand last published for the participant, or null if none was (or it left). */
    public VideoDemand latest(String participantId) {
        return latest.get(participantId);
    }

    private void recompute(List<String> participantIds, List<Tile> tiles, int largestOutputWidth, int largestOutputHeight) {
        Map<String, VideoDemand> wanted = calculator.demands(participantIds, tiles, largestOutputWidth, largestOutputHeight);
        Map<String, Input> previous = new HashMap<>();
        for (Input input : inputs) {
            previous.put(input.id, input);
        }
        List<Input> next = new ArrayList<>(wanted.size());
        for (Map.Entry<String, VideoDemand> e : wanted.entrySet()) {
            Input input = previous.remove(e.getKey());
            if (input == null) {
                input = new Input(e.getKey(), new DemandHysteresis(hold));
            }
            input.wanted = e.getValue();
            next.add(input);
        }
        for (String gone : previous.keySet()) {
            latest.remove(gone);
        }
        inputs = next;
        lastIds = List.copyOf(participantIds);
        lastTiles = List.copyOf(tiles);
        lastOutputWidth = largestOutputWidth;
        lastOutputHeight = largestOutputHeight;
    }

    /** {@code List.equals} without the iterator it may allocate, for the every-tick comparison. */
    private static boolean sameElements(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static final class Input {
        final String id;
        final DemandHysteresis hysteresis;
        VideoDemand wanted;

        Input(String id, DemandHysteresis hysteresis) {
            this.id = id;
            this.hysteresis = hysteresis;
        }
    }
}
