package io.chorus.signalling.room;

/** Where a participant's server-initiated messages go (its WebSocket). Thread-safe. */
public interface SignallingChannel {
    void send(String json);
}
