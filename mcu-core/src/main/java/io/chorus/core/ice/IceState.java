package io.chorus.core.ice;

/** What the rest of the server needs to know about a participant's ICE agent. */
public enum IceState {
    /** Waiting for or checking candidate pairs. */
    CHECKING,
    /** A pair is selected; media can flow. */
    CONNECTED,
    /** No pair worked, or consent to send expired (the browser went away). */
    FAILED,
    /** Closed by us. */
    CLOSED
}
