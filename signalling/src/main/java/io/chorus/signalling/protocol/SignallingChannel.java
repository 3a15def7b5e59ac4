package io.chorus.signalling.protocol;

/** Where a participant's server-initiated messages go (its WebSocket). Thread-safe, never blocks. */
public interface SignallingChannel {
    void send(String json);

    /** Closes the connection once what was sent before has gone out. */
    void close();
}
