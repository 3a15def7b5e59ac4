package io.chorus.signalling.conference;

import java.util.function.Consumer;

/** One joined client as its signalling drives it, whichever room it joined. */
public interface Peer extends AutoCloseable {
    String id();

    String name();

    /**
     * Negotiates the client's one offer. {@code onAnswer} gets the answer as soon as it exists (its
     * ICE and DTLS can start while the room still sets the media up), before this returns.
     */
    void acceptOffer(String sdp, Consumer<String> onAnswer) throws ConferenceException;

    /** A trickled client candidate; null means the client has gathered all of them. */
    void addRemoteCandidate(String candidate) throws ConferenceException;

    /** Null leaves that medium as it is. */
    void setMuted(Boolean audio, Boolean video);

    boolean audioMuted();

    boolean videoMuted();

    /** True once the client left, was removed, or its transport failed. */
    boolean closed();

    /**
     * Runs {@code action} once this peer is closed, however that happens (a leave, a failed
     * transport, the room closing); at once if it is closed already. One action per peer.
     */
    void whenClosed(Runnable action);

    /** Leaves and releases the media transport; idempotent. */
    @Override
    void close();
}
