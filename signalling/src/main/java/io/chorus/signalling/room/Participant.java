package io.chorus.signalling.room;

import com.fasterxml.jackson.databind.JsonNode;

import io.chorus.signalling.protocol.ProtocolException;

/** One joined client as the signalling layer drives it. */
public interface Participant extends AutoCloseable {
    String id();

    String name();

    /**
     * Answers the client's offer with an {@code answer} message (echoing {@code requestId}); the
     * server's candidates follow it as {@code candidate} messages.
     */
    void acceptOffer(JsonNode requestId, String sdp) throws ProtocolException;

    /** A trickled browser candidate; null means the browser has gathered all of them. */
    void addRemoteCandidate(String candidate) throws ProtocolException;

    void setMuted(Boolean audio, Boolean video);

    boolean audioMuted();

    boolean videoMuted();

    /** True once the participant left, was removed, or its transport failed. */
    boolean closed();

    /** Leaves the room and releases the media transport; idempotent. */
    @Override
    void close();
}
