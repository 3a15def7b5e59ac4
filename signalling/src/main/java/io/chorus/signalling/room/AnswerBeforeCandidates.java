package io.chorus.signalling.room;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds the server's trickled candidates until the answer has gone out. The transport gathers
 * while the room is still wiring the participant into the mixer, and a browser rejects a
 * candidate that arrives before the remote description it belongs to.
 */
final class AnswerBeforeCandidates {
    private final SignallingChannel channel;
    private List<String> held = new ArrayList<>();

    AnswerBeforeCandidates(SignallingChannel channel) {
        this.channel = channel;
    }

    synchronized void candidate(String json) {
        if (held != null) {
            held.add(json);
        } else {
            channel.send(json);
        }
    }

    synchronized void answer(String json) {
        channel.send(json);
        held.forEach(channel::send);
        held = null;
    }
}
