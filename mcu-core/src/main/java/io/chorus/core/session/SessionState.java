package io.chorus.core.session;

/** Life of one participant's transport, as reported to signalling. */
public enum SessionState {
    /** Offer accepted; ICE and DTLS in progress. */
    CONNECTING("connecting"),
    /** ICE selected a pair and DTLS-SRTP keys are in place: media flows. */
    CONNECTED("connected"),
    /** ICE failed, consent expired, or DTLS was refused (e.g. fingerprint mismatch). */
    FAILED("failed"),
    /** Closed by the server or by the browser's DTLS close_notify. */
    CLOSED("closed");

    private final String wireName;

    SessionState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
