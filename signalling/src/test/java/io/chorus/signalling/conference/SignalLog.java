package io.chorus.signalling.conference;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.chorus.core.session.SessionState;

/** What one participant's client was told, in order. */
final class SignalLog implements ParticipantSignals {
    final List<Welcome> welcomes = new CopyOnWriteArrayList<>();
    final List<RoomEvent> events = new CopyOnWriteArrayList<>();
    final List<String> candidates = new CopyOnWriteArrayList<>();
    final List<SessionState> states = new CopyOnWriteArrayList<>();

    @Override
    public void onAdmitted(Welcome welcome) {
        welcomes.add(welcome);
    }

    @Override
    public void onLocalCandidate(String candidate, String mid, int mLineIndex) {
        candidates.add(candidate);
    }

    @Override
    public void onConnectionState(SessionState state, String detail) {
        states.add(state);
    }

    @Override
    public void onRoomEvent(RoomEvent event) {
        events.add(event);
    }

    <T extends RoomEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
