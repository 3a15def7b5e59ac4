package io.chorus.signalling.conference;

import java.time.Instant;

/**
 * A chat line as the room relays it: who sent it (id and display name, as they were when it was
 * sent) and when the server took it, so that every member sees the same order and time.
 */
public record ChatMessage(String participantId, String name, String text, Instant at) {
}
